using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EventHub.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PollVoteConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PollVoters_PollId",
                table: "PollVoters");

            migrationBuilder.AddColumn<bool>(
                name: "Pending",
                table: "PollVoters",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ConfirmVotesByEmail",
                table: "Polls",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "PollLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VoterId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollLinks_PollVoters_VoterId",
                        column: x => x.VoterId,
                        principalTable: "PollVoters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PollVoters_PollId_Email",
                table: "PollVoters",
                columns: new[] { "PollId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_PollLinks_TokenHash",
                table: "PollLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PollLinks_VoterId",
                table: "PollLinks",
                column: "VoterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PollLinks");

            migrationBuilder.DropIndex(
                name: "IX_PollVoters_PollId_Email",
                table: "PollVoters");

            migrationBuilder.DropColumn(
                name: "Pending",
                table: "PollVoters");

            migrationBuilder.DropColumn(
                name: "ConfirmVotesByEmail",
                table: "Polls");

            migrationBuilder.CreateIndex(
                name: "IX_PollVoters_PollId",
                table: "PollVoters",
                column: "PollId");
        }
    }
}
