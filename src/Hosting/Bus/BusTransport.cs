using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using Polly;
using Polly.Retry;
using Ptsp.Hosting.Faults;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Bus;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}
