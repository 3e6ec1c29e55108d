using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Core.Data.Migrations
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

            migrationBuilder.DropColumn(
                name: "EditToken",
                table: "SessionNotes");

            migrationBuilder.AddColumn<bool>(
                name: "HoldUntilEmailConfirmed",
                table: "BookingSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "NotesLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "NotesLinks");

            migrationBuilder.DropColumn(
                name: "HoldUntilEmailConfirmed",
                table: "BookingSettings");

            migrationBuilder.AddColumn<string>(
                name: "EditToken",
                table: "SessionNotes",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_SessionNotes_EditToken",
                table: "SessionNotes",
                column: "EditToken",
                unique: true);
        }
    }
}
