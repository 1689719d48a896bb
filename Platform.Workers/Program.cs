using Platform.Workers.Extensions;
using Platform.Workers.Migrations;

if (args.Contains(MigrateCommand.Name))
{
    return await MigrateCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
return 0;
