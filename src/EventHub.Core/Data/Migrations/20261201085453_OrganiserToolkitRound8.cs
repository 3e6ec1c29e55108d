using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganiserToolkitRound8 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "Events",
                type: "TEXT",
                maxLength: 311,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Events");
        }
    }
}
