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
            migrationBuilder.RenameColumn(
                name: "Token",
                table: "PollPriorityTokens",
                newName: "TokenHash");

            migrationBuilder.RenameIndex(
                name: "IX_PollPriorityTokens_Token",
                table: "PollPriorityTokens",
                newName: "IX_PollPriorityTokens_TokenHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "TokenHash",
                table: "PollPriorityTokens",
                newName: "Token");

            migrationBuilder.RenameIndex(
                name: "IX_PollPriorityTokens_TokenHash",
                table: "PollPriorityTokens",
                newName: "IX_PollPriorityTokens_Token");
        }
    }
}
