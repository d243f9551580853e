using MassTransit;
using Ptsp.Hosting.Bus;
using Ptsp.Hosting.Storage;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Survey;

public sealed class RecordSurveyResponseConsumerDefinition : ConsumerDefinition<RecordSurveyResponseConsumer>
{
    public RecordSurveyResponseConsumerDefinition() => EndpointName = SkmElements.QueueName;
}
