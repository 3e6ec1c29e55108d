using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Abuse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bookings_EventId_NormalisedEmail",
                table: "Bookings");

            migrationBuilder.AddColumn<string>(
                name: "UnrequestedTo",
                table: "Outbox",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PriorityTokenHash",
                table: "Bookings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_UnrequestedTo_CreatedUtc",
                table: "Outbox",
                columns: new[] { "UnrequestedTo", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_EventId_NormalisedEmail",
                table: "Bookings",
                columns: new[] { "EventId", "NormalisedEmail" },
                unique: true,
                filter: "\"Status\" NOT IN (5, 6)");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_PriorityTokenHash",
                table: "Bookings",
                column: "PriorityTokenHash",
                unique: true,
                filter: "\"PriorityTokenHash\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_UnrequestedTo_CreatedUtc",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_EventId_NormalisedEmail",
                table: "Bookings");

            migrationBuilder.DropIndex(
                name: "IX_Bookings_PriorityTokenHash",
                table: "Bookings");

            migrationBuilder.DropColumn(
                name: "UnrequestedTo",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "PriorityTokenHash",
                table: "Bookings");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_EventId_NormalisedEmail",
                table: "Bookings",
                columns: new[] { "EventId", "NormalisedEmail" },
                unique: true);
        }
    }
}
