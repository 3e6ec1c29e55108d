using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Privacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailDomain",
                table: "Bookings",
                type: "character varying(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "EventPrivacyStates",
                columns: table => new
                {
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    NeedsClearedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnonymisedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventPrivacyStates", x => x.EventId);
                    table.ForeignKey(
                        name: "FK_EventPrivacyStates_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventPrivacyStates");

            migrationBuilder.DropColumn(
                name: "EmailDomain",
                table: "Bookings");
        }
    }
}
