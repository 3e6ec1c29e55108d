using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EventHub.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class HashedTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_ManageToken",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "ManageToken",
                table: "Bookings");

            migrationBuilder.RenameColumn(
                name: "EditToken",
                table: "PollVoters",
                newName: "EditTokenHash");

            migrationBuilder.RenameIndex(
                name: "IX_PollVoters_EditToken",
                table: "PollVoters",
                newName: "IX_PollVoters_EditTokenHash");

            migrationBuilder.RenameColumn(
                name: "Token",
                table: "DoorLinks",
                newName: "TokenHash");

            migrationBuilder.RenameIndex(
                name: "IX_DoorLinks_Token",
                table: "DoorLinks",
                newName: "IX_DoorLinks_TokenHash");

            migrationBuilder.CreateTable(
                name: "ManageLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BookingId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManageLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManageLinks_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ManageLinks_BookingId",
                table: "ManageLinks",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_ManageLinks_TokenHash",
                table: "ManageLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ManageLinks");

            migrationBuilder.RenameColumn(
                name: "EditTokenHash",
                table: "PollVoters",
                newName: "EditToken");

            migrationBuilder.RenameIndex(
                name: "IX_PollVoters_EditTokenHash",
                table: "PollVoters",
                newName: "IX_PollVoters_EditToken");

            migrationBuilder.RenameColumn(
                name: "TokenHash",
                table: "DoorLinks",
                newName: "Token");

            migrationBuilder.RenameIndex(
                name: "IX_DoorLinks_TokenHash",
                table: "DoorLinks",
                newName: "IX_DoorLinks_Token");

            migrationBuilder.AddColumn<string>(
                name: "ManageToken",
                table: "Bookings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_ManageToken",
                table: "Bookings",
                column: "ManageToken",
                unique: true);
        }
    }
}
