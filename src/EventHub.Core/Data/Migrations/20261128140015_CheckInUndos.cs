using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CheckInUndos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CheckInUndos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    BookingId = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckedInUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedInBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UndoneUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UndoneByDoorLinkId = table.Column<int>(type: "INTEGER", nullable: true),
                    UndoneByOrganiserUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInUndos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInUndos_Bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "Bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckInUndos_DoorLinks_UndoneByDoorLinkId",
                        column: x => x.UndoneByDoorLinkId,
                        principalTable: "DoorLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CheckInUndos_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckInUndos_BookingId",
                table: "CheckInUndos",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckInUndos_EventId_UndoneUtc",
                table: "CheckInUndos",
                columns: new[] { "EventId", "UndoneUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckInUndos_UndoneByDoorLinkId",
                table: "CheckInUndos",
                column: "UndoneByDoorLinkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckInUndos");
        }
    }
}
