using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class HybridPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attendance",
                table: "TicketTypes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddCheckConstraint(
                name: "CK_TicketTypes_OnlineQuota",
                table: "TicketTypes",
                sql: "\"Attendance\" = 0 OR \"Quota\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_TicketTypes_OnlineQuota",
                table: "TicketTypes");

            migrationBuilder.DropColumn(
                name: "Attendance",
                table: "TicketTypes");
        }
    }
}
