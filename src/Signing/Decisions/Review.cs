using Ptsp.Hosting.Storage;

namespace Ptsp.Signing.Decisions;

public sealed record Review(int Revision, string Officer, string Role, bool Approved, string? Note, DateTimeOffset At);
