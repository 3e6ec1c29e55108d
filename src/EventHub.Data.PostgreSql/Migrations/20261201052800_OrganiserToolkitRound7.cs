using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EventHub.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OrganiserToolkitRound7 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Options",
                table: "FeedbackQuestions",
                type: "character varying(808)",
                maxLength: 808,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Choice",
                table: "FeedbackAnswers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SoldOutUtc",
                table: "Events",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Options",
                table: "FeedbackQuestions");

            migrationBuilder.DropColumn(
                name: "Choice",
                table: "FeedbackAnswers");

            migrationBuilder.DropColumn(
                name: "SoldOutUtc",
                table: "Events");
        }
    }
}
