using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using Polly;
using Polly.Retry;
using Ptsp.Hosting.Storage.Mongo;
using Ptsp.Hosting.Storage.Sqlite;

namespace Ptsp.Hosting.Storage;

public enum StorageProvider
{
    Sqlite,
    Mongo,
}
