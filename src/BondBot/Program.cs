using BondBot.Hosting;

return await BondBotLauncher.RunAsync(args, Console.Error);
