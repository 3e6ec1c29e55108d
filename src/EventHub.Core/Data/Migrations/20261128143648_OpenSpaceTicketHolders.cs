using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenSpaceTicketHolders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProposerBookingId",
                table: "Proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProposerBookingId",
                table: "Proposals",
                column: "ProposerBookingId");

            migrationBuilder.AddForeignKey(
                name: "FK_Proposals_Bookings_ProposerBookingId",
                table: "Proposals",
                column: "ProposerBookingId",
                principalTable: "Bookings",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Proposals_Bookings_ProposerBookingId",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProposerBookingId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ProposerBookingId",
                table: "Proposals");
        }
    }
}
