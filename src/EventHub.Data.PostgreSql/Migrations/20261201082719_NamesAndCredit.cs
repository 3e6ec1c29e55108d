using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class NamesAndCredit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CreditByName",
                table: "WriteUps",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LinkHash",
                table: "WriteUps",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CreditByName",
                table: "Proposals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_WriteUps_LinkHash",
                table: "WriteUps",
                column: "LinkHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WriteUps_LinkHash",
                table: "WriteUps");

            migrationBuilder.DropColumn(
                name: "CreditByName",
                table: "WriteUps");

            migrationBuilder.DropColumn(
                name: "LinkHash",
                table: "WriteUps");

            migrationBuilder.DropColumn(
                name: "CreditByName",
                table: "Proposals");
        }
    }
}
