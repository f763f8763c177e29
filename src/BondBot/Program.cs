using BondBot.Hosting;

if (args is [RenderCheck.Switch, ..])
    return RenderCheck.Run(args, Console.Out, Console.Error);
return await BondBotLauncher.RunAsync(args, Console.Error);
