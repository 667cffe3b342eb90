using Syndication.Worker;

return await SyndicationCommand.RunAsync(args, Console.Out, Console.Error);
