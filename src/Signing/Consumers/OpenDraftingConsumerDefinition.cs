using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Consumers;

public sealed class OpenDraftingConsumerDefinition : ConsumerDefinition<OpenDraftingConsumer>
{
    public OpenDraftingConsumerDefinition() => EndpointName = Queues.OpenDrafting;
}
