using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Technical.Reviews;

namespace Ptsp.Technical.Consumers;

public sealed class OpenTechnicalReviewConsumerDefinition : ConsumerDefinition<OpenTechnicalReviewConsumer>
{
    public OpenTechnicalReviewConsumerDefinition() => EndpointName = Queues.OpenTechnicalReview;
}
