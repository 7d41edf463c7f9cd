using System.CommandLine;
using Arbiter.Cli.Commands;

var root = new RootCommand("Arbiter: a multi-model LLM gateway, router and orchestrator with an OpenAI-compatible API.")
{
    ServeCommand.Create(),
    ConfigCommand.Create(),
    RouterCommands.Create(),
    ReportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
