using Terminal.CardTool;

return CardToolCommand.Run(args, Console.Out, Console.Error);
