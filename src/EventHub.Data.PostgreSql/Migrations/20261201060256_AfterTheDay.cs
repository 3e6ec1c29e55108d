using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AfterTheDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ApproveMaterials",
                table: "ProceedingsSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Licence",
                table: "ProceedingsSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MaxFilesPerLink",
                table: "ProceedingsSettings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxFilesPerSession",
                table: "ProceedingsSettings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingApproval",
                table: "Materials",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "NotesLinkId",
                table: "Materials",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Materials_NotesLinkId",
                table: "Materials",
                column: "NotesLinkId");

            migrationBuilder.AddForeignKey(
                name: "FK_Materials_NotesLinks_NotesLinkId",
                table: "Materials",
                column: "NotesLinkId",
                principalTable: "NotesLinks",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Materials_NotesLinks_NotesLinkId",
                table: "Materials");

            migrationBuilder.DropIndex(
                name: "IX_Materials_NotesLinkId",
                table: "Materials");

            migrationBuilder.DropColumn(
                name: "ApproveMaterials",
                table: "ProceedingsSettings");

            migrationBuilder.DropColumn(
                name: "Licence",
                table: "ProceedingsSettings");

            migrationBuilder.DropColumn(
                name: "MaxFilesPerLink",
                table: "ProceedingsSettings");

            migrationBuilder.DropColumn(
                name: "MaxFilesPerSession",
                table: "ProceedingsSettings");

            migrationBuilder.DropColumn(
                name: "AwaitingApproval",
                table: "Materials");

            migrationBuilder.DropColumn(
                name: "NotesLinkId",
                table: "Materials");
        }
    }
}
