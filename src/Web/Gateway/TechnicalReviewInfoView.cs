namespace Ptsp.Web.Gateway;

public sealed record TechnicalReviewInfoView(string Kind, int WorkingDays);
