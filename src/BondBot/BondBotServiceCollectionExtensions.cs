using BondBot.Discord;
using BondBot.Features.Couple;
using BondBot.Features.Delivery;
using BondBot.Features.Guess;
using BondBot.Features.Help;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using BondBot.Features.Repair;
using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using BondBot.Features.Space;
using BondBot.Features.CheckIns;
using BondBot.Features.Clocks;
using BondBot.Features.Appreciation;
using BondBot.Features.Insights;
using BondBot.Features.LookingBack;
using BondBot.Features.Memories;
using BondBot.Features.Pulse;
using BondBot.Features.Privacy;
using BondBot.Features.Story;
using BondBot.Features.Switches;
using BondBot.Features.Admin;
using BondBot.Features.Care;
using BondBot.Features.Rituals;
using BondBot.Features.ThisOrThat;
using BondBot.Features.Notes;
using BondBot.Features.Visits;
using BondBot.Features.WeekTogether;
using BondBot.Hosting;
using BondBot.Interactions;
using BondBot.Observability;
using BondBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BondBot;

/// <summary>The composition root: every part of BondBot is registered from here, one call per concern.</summary>
public static class BondBotServiceCollectionExtensions
{
    public static HostApplicationBuilder AddBondBot(this HostApplicationBuilder builder)
    {
        builder.Logging.AddBondBotConsole();
        // Metrics instruments, and the Prometheus endpoint when Metrics:Port is set.
        builder.AddObservability();
        // A missing or mis-scoped registration fails at start-up with its name, not at the first interaction that needs it.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.Services
            .AddHosting()
            .AddDiscordClient()
            .AddStorage()
            .AddInteractions()
            // Lower features first; each registers its own options, commands, handlers and contributions.
            .AddDelivery()
            .AddSwitches()
            .AddPairing()
            .AddSettings()
            .AddCouple()
            .AddSpaces()
            .AddScheduling()
            .AddQuestions()
            .AddCheckIns()
            .AddCare()
            .AddRituals()
            .AddWeekTogether()
            .AddPulse()
            .AddAppreciation()
            .AddGuess()
            .AddRepair()
            .AddThisOrThat()
            .AddMemories()
            .AddLookingBack()
            .AddClocks()
            .AddNotes()
            .AddVisits()
            .AddInsights()
            .AddStory()
            .AddPrivacy()
            .AddAdmin()
            .AddHelp()
            .AddGatewayWorker();
        return builder;
    }

    private static void AddBondBotConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            // Scopes carry the interaction, delivery and correlation ids (Observability.Correlation).
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        // HttpClient's own logs print request URLs, and interaction callback URLs carry interaction tokens.
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
    }
}
