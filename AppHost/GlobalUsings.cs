global using IoTStack.Hosting;
global using Microsoft.Extensions.Configuration;
