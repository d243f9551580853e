using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Sagas;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests.Counting
{
    public sealed record CounterStarted(Guid CounterId);

    public sealed record CounterBumped(Guid CounterId, int Amount);

    public sealed class CounterState : SagaStateMachineInstance, ISagaVersion
    {
        public Guid CorrelationId { get; set; }

        public int Version { get; set; }

        public string CurrentState { get; set; } = "";

        public int Total { get; set; }

        public int Bumps { get; set; }
    }

    public sealed class CounterStateMachine : MassTransitStateMachine<CounterState>
    {
        public CounterStateMachine()
        {
            InstanceState(x => x.CurrentState);
            Event(() => Started, x => x.CorrelateById(m => m.Message.CounterId));
            Event(() => Bumped, x => x.CorrelateById(m => m.Message.CounterId));

            Initially(When(Started).TransitionTo(Counting), When(Bumped).Then(Add).TransitionTo(Counting));
            During(Counting, Ignore(Started), When(Bumped).Then(Add));
        }

        static void Add(BehaviorContext<CounterState, CounterBumped> context)
        {
            context.Saga.Total += context.Message.Amount;
            context.Saga.Bumps++;
        }

        public State Counting { get; private set; } = null!;

        public Event<CounterStarted> Started { get; private set; } = null!;

        public Event<CounterBumped> Bumped { get; private set; } = null!;
    }
}

namespace Ptsp.Hosting.Tests
{
    using Counting;

    public sealed class DocumentSagaRepositoryTests : IAsyncLifetime
    {
        static readonly CollectionDefinition<CounterState> Counters = new("counter-sagas");

        readonly string _directory = Directory.CreateTempSubdirectory("ptsp-saga-").FullName;
        ServiceProvider _provider = null!;
        ITestHarness _harness = null!;

        public async Task InitializeAsync()
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection([new("Storage:Provider", "Sqlite"), new("Storage:Sqlite:Directory", _directory)])
                .Build();
            _provider = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddSingleton(NullLoggerFactory.Instance)
                .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
                .AddSingleton<StorageFactory>()
                .AddMassTransitTestHarness(x =>
                {
                    x.AddSagaStateMachine<CounterStateMachine, CounterState>(typeof(CounterDefinition)).DocumentRepository("saga-test", Counters);
                    x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UsePtspEndpointPolicy(context));
                })
                .BuildServiceProvider(true);
            _harness = _provider.GetRequiredService<ITestHarness>();
            _harness.TestTimeout = TimeSpan.FromSeconds(60);
            await _harness.Start();
        }

        public async Task DisposeAsync()
        {
            await _harness.Stop();
            await _provider.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }

        [Fact]
        public async Task Concurrent_events_for_one_saga_instance_are_all_counted()
        {
            var id = NewId.NextGuid();
            const int bumps = 60;

            // Unpartitioned and concurrent on purpose: instances collide on the version and retry.
            await Task.WhenAll(Enumerable.Range(1, bumps).Select(i => _harness.Bus.Publish(new CounterBumped(id, i))));

            var counters = await _provider.GetRequiredService<StorageFactory>().OpenCollectionAsync("saga-test", Counters);
            var stored = await Eventually(async () =>
            {
                var s = await counters.FindAsync(id.ToString());
                return s is { Document.Bumps: bumps } ? s : null;
            });

            Assert.Equal(bumps * (bumps + 1) / 2, stored.Document.Total);
            Assert.Equal(bumps, stored.Version);
            Assert.Equal("Counting", stored.Document.CurrentState);
        }

        [Fact]
        public async Task A_repeated_start_creates_one_instance_and_keeps_its_state()
        {
            var id = NewId.NextGuid();
            await _harness.Bus.Publish(new CounterStarted(id));
            await _harness.Bus.Publish(new CounterBumped(id, 5));
            await _harness.Bus.Publish(new CounterStarted(id));

            var machine = _harness.GetSagaStateMachineHarness<CounterStateMachine, CounterState>();
            Assert.True(await machine.Consumed.Any<CounterStarted>(m => m.Context.Message.CounterId == id));
            var counters = await _provider.GetRequiredService<StorageFactory>().OpenCollectionAsync("saga-test", Counters);
            var stored = await Eventually(async () =>
            {
                var s = await counters.FindAsync(id.ToString());
                return s is { Document.Total: 5 } && await _harness.Consumed.SelectAsync<CounterStarted>(m => m.Context.Message.CounterId == id).Count() == 2
                    ? s
                    : null;
            });
            Assert.Equal(1, (await counters.QueryAsync(Query.All)).Count(c => c.Id == id.ToString()));
            Assert.Equal(5, stored.Document.Total);
        }

        static async Task<T> Eventually<T>(Func<Task<T?>> probe)
            where T : class
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                if (await probe() is { } value)
                    return value;
                await Task.Delay(50);
            }

            throw new TimeoutException("The saga did not reach the expected state within 60 s.");
        }
    }

    public sealed class CounterDefinition : SagaDefinition<CounterState>
    {
        protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<CounterState> sagaConfigurator,
            IRegistrationContext context) =>
            endpointConfigurator.ConcurrentMessageLimit = 16;
    }
}
