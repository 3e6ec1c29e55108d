using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PriorityBooking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PriorityOpensUtc",
                table: "BookingSettings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ListPriorityGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    SubscriptionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListPriorityGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListPriorityGrants_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ListPriorityGrants_ListSubscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "ListSubscriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ListPriorityGrants_EventId_Email",
                table: "ListPriorityGrants",
                columns: new[] { "EventId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ListPriorityGrants_SubscriptionId",
                table: "ListPriorityGrants",
                column: "SubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_ListPriorityGrants_TokenHash",
                table: "ListPriorityGrants",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListPriorityGrants");

            migrationBuilder.DropColumn(
                name: "PriorityOpensUtc",
                table: "BookingSettings");
        }
    }
}
