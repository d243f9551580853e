"""Splits a speedscope profile of dotnet-sampled-thread-time by library: each sample of a running thread (CPU_TIME) goes
to the innermost frame that belongs to a library named below; a sample with none of them under the process root is
'runtime' (the thread pool, sockets, async continuations, timers, the GC's helpers)."""
import collections
import json
import sys

LIBRARIES = [('spinning', 'LowLevelSpinWaiter'), ('sqlite', 'SQLitePCL'), ('sqlite', 'Microsoft.Data.Sqlite'),
             ('json', 'System.Text.Json'), ('pdf', 'PdfSharp'), ('pdf', 'MigraDoc'), ('mail', 'MimeKit'), ('mail', 'MailKit'),
             ('crypto', 'System.Security.Cryptography'), ('rabbitmq', 'RabbitMQ.Client'), ('masstransit', 'MassTransit'),
             ('aspnetcore', 'Microsoft.AspNetCore'), ('logging', 'Serilog'), ('logging', 'Microsoft.Extensions.Logging'),
             ('metrics', 'OpenTelemetry'), ('di', 'Microsoft.Extensions.DependencyInjection'), ('ptsp', 'Ptsp.')]

profile = json.load(open(sys.argv[1]))
frames = [f['name'] for f in profile['shared']['frames']]
split = collections.Counter()
total = 0.0
for thread in profile['profiles']:
    stack, last = [], None
    for event in thread['events']:
        at = event['at']
        if last is not None and stack and frames[stack[-1]] == 'CPU_TIME':
            total += at - last
            library = 'runtime'
            for index in reversed(stack[:-1]):
                name = frames[index]
                if name.startswith(('Process', 'Thread (')):
                    continue
                found = next((label for label, part in LIBRARIES if part in name), None)
                if found:
                    library = found
                    break
            split[library] += at - last
        last = at
        if event['type'] == 'O':
            stack.append(event['frame'])
        elif stack:
            stack.pop()
label = sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]
print(f"{label}: {total / 1000:.1f} s of running threads sampled; " +
      ", ".join(f"{library} {100 * share / total:.0f}%" for library, share in split.most_common() if share / total >= 0.005))
