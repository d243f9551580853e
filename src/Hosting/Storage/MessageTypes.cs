using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;

namespace Ptsp.Hosting.Storage;

/// <summary>
/// Message identity for stored messages (ADR 0014): a message type is known by its MassTransit message URN — the
/// <c>[MessageUrn]</c> of a contract, or MassTransit's own URN for a type without one — not by its .NET type and
/// assembly name, so renaming a class cannot strand a pending outbox entry. The registry holds every type of the
/// Contracts assembly, the stored mail, and any type a message was created from in this process.
/// </summary>
public static class MessageTypes
{
    const string UrnPrefix = "urn:";
    static readonly ConcurrentDictionary<string, Type> ByUrn = new(StringComparer.Ordinal);

    static MessageTypes()
    {
        Register(typeof(Contracts.Roles).Assembly);
        Register(typeof(Mail.MailMessage));
    }

    /// <summary>Adds every public message-like type (a non-abstract, non-generic class or record) of an assembly.</summary>
    public static void Register(Assembly assembly)
    {
        foreach (var type in assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
            Register(type);
    }

    /// <summary>Adds one type; returns its URN.</summary>
    public static string Register(Type type)
    {
        var urn = MessageUrn.ForType(type).ToString();
        ByUrn.TryAdd(urn, type);
        return urn;
    }

    /// <summary>The URN a message of <paramref name="type"/> is stored under.</summary>
    public static string UrnOf(Type type) => Register(type);

    /// <summary>
    /// The type a stored message names: a URN from the registry, or (entries written before ADR 0014) an assembly-qualified type name.
    /// </summary>
    /// <exception cref="InvalidOperationException">nothing in this process is known by that name.</exception>
    public static Type Resolve(string name)
    {
        if (name.StartsWith(UrnPrefix, StringComparison.Ordinal))
            return ByUrn.TryGetValue(name, out var type)
                ? type
                : throw new InvalidOperationException($"No message type is known by the URN '{name}'.");
        return Type.GetType(name, throwOnError: false)
               ?? throw new InvalidOperationException($"No message type is known by the name '{name}'.");
    }

    /// <summary>The type known by a URN or type name, or null.</summary>
    public static Type? TryResolve(string name)
    {
        try
        {
            return Resolve(name);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or TypeLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>Whether a stored message's type name (URN or legacy type name) names <typeparamref name="T"/>.</summary>
    public static bool Names<T>(string name) => Resolve(name) == typeof(T);
}
