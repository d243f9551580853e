using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;
using Ptsp.Intake.Catalogue;

namespace Ptsp.Intake.Consumers;

public sealed class GetPermitTypesConsumer(PermitCatalogue catalogue) : IConsumer<GetPermitTypes>
{
    public Task Consume(ConsumeContext<GetPermitTypes> context) => context.RespondAsync(new PermitTypeList(catalogue.All));
}
