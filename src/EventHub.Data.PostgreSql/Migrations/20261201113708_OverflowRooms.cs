using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OverflowRooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CopyOfSessionId",
                table: "BoardCells",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoardCells_CopyOfSessionId",
                table: "BoardCells",
                column: "CopyOfSessionId");

            migrationBuilder.AddForeignKey(
                name: "FK_BoardCells_Sessions_CopyOfSessionId",
                table: "BoardCells",
                column: "CopyOfSessionId",
                principalTable: "Sessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BoardCells_Sessions_CopyOfSessionId",
                table: "BoardCells");

            migrationBuilder.DropIndex(
                name: "IX_BoardCells_CopyOfSessionId",
                table: "BoardCells");

            migrationBuilder.DropColumn(
                name: "CopyOfSessionId",
                table: "BoardCells");
        }
    }
}
