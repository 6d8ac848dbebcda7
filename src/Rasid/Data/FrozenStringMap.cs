using System.Runtime.InteropServices;

namespace Rasid.Data;

/// <summary>
/// A string → int map stored in a compiled snapshot and looked up where it lies (nothing is loaded): an open-addressing
/// table of slots (hash, the key's characters in the string pool, value), at most half full, probed linearly.
/// </summary>
internal sealed class FrozenStringMap
{
    private readonly CompiledSnapshot _snapshot;
    private readonly int _section;
    private readonly int _mask;

    /// <summary>One slot; <see cref="Length"/> is -1 in an empty one.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal readonly record struct Slot(uint Hash, int Start, int Length, int Value);

    /// <summary>The map in section <paramref name="section"/> of <paramref name="snapshot"/>.</summary>
    public FrozenStringMap(CompiledSnapshot snapshot, int section)
    {
        _snapshot = snapshot;
        _section = section;
        var slots = snapshot.Section<Slot>(section).Length;
        if (slots == 0 || (slots & (slots - 1)) != 0)
        {
            throw new InvalidDataException($"a map of {slots} slots (not a power of two)");
        }

        _mask = slots - 1;
    }

    /// <summary>FNV-1a over the characters: the hash <see cref="TryGetValue(ReadOnlySpan{char}, uint, out int)"/> takes.</summary>
    public static uint Hash(ReadOnlySpan<char> key)
    {
        var h = 2166136261u;
        foreach (var c in key)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }

    /// <summary>The value of <paramref name="key"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, out int value) => TryGetValue(key, Hash(key), out value);

    /// <summary>The value of <paramref name="key"/>, whose <see cref="Hash"/> is <paramref name="hash"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, uint hash, out int value)
    {
        var slots = _snapshot.Section<Slot>(_section);
        var chars = _snapshot.Section<char>(1);
        for (var i = SlotOf(hash, _mask); ; i = (i + 1) & _mask)
        {
            var slot = slots[i];
            if (slot.Length < 0)
            {
                value = 0;
                return false;
            }

            if (slot.Hash == hash && slot.Length == key.Length && chars.Slice(slot.Start, slot.Length).SequenceEqual(key))
            {
                value = slot.Value;
                return true;
            }
        }
    }

    /// <summary>Every key and value, in slot order.</summary>
    public IEnumerable<(string Key, int Value)> Entries()
    {
        for (var i = 0; i <= _mask; i++)
        {
            var slot = _snapshot.Section<Slot>(_section)[i];
            if (slot.Length >= 0)
            {
                yield return (new string(_snapshot.Section<char>(1).Slice(slot.Start, slot.Length)), slot.Value);
            }
        }
    }

    /// <summary>Adds a map of <paramref name="entries"/> (distinct keys) to <paramref name="writer"/>; returns its section.</summary>
    public static int Write(CompiledWriter writer, IReadOnlyCollection<KeyValuePair<string, int>> entries)
    {
        var size = 4;
        while (size < entries.Count * 2)
        {
            size *= 2;
        }

        var slots = new Slot[size];
        Array.Fill(slots, new Slot(0, 0, -1, 0));
        foreach (var (key, value) in entries)
        {
            var hash = Hash(key);
            var i = SlotOf(hash, size - 1);
            while (slots[i].Length >= 0)
            {
                i = (i + 1) & (size - 1);
            }

            slots[i] = new Slot(hash, writer.StringStart(writer.StringId(key)), key.Length, value);
        }

        return writer.AddSection<Slot>(slots);
    }

    /// <summary>The first slot to probe: the hash mixed by a multiplication, so that the low bits of FNV do not decide alone.</summary>
    private static int SlotOf(uint hash, int mask) => (int)((hash * 0x85EBCA6Bu) >> 7) & mask;
}
