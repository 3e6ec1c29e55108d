using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EventHub.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Privacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionNotes_EditToken",
                table: "SessionNotes");

            migrationBuilder.DropIndex(
                name: "IX_ListSubscriptions_ConfirmToken",
                table: "ListSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_ListSubscriptions_UnsubscribeToken",
                table: "ListSubscriptions");

            migrationBuilder.DropColumn(
                name: "EditToken",
                table: "SessionNotes");

            migrationBuilder.DropColumn(
                name: "ConfirmToken",
                table: "ListSubscriptions");

            migrationBuilder.DropColumn(
                name: "UnsubscribeToken",
                table: "ListSubscriptions");

            migrationBuilder.AddColumn<bool>(
                name: "HoldUntilEmailConfirmed",
                table: "BookingSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ListLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubscriptionId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListLinks_ListSubscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "ListSubscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotesLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotesLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotesLinks_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ListLinks_SubscriptionId",
                table: "ListLinks",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_ListLinks_TokenHash",
                table: "ListLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotesLinks_SessionId",
                table: "NotesLinks",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_NotesLinks_TokenHash",
                table: "NotesLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListLinks");

            migrationBuilder.DropTable(
                name: "NotesLinks");

            migrationBuilder.DropColumn(
                name: "HoldUntilEmailConfirmed",
                table: "BookingSettings");

            migrationBuilder.AddColumn<string>(
                name: "EditToken",
                table: "SessionNotes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ConfirmToken",
                table: "ListSubscriptions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UnsubscribeToken",
                table: "ListSubscriptions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_SessionNotes_EditToken",
                table: "SessionNotes",
                column: "EditToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ListSubscriptions_ConfirmToken",
                table: "ListSubscriptions",
                column: "ConfirmToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ListSubscriptions_UnsubscribeToken",
                table: "ListSubscriptions",
                column: "UnsubscribeToken",
                unique: true);
        }
    }
}
