using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rasid.Data;

/// <summary>
/// Builds a snapshot of <see cref="CompiledData"/>: a pool of distinct strings (UTF-16, so they are read in place),
/// one sequential stream of numbers and string ids for the small structures, and raw arrays of records that are read
/// where they lie (the gazetteer's places and hash tables), each a section.
/// </summary>
/// <remarks>
/// Layout: magic, key (32 bytes), section count, then (offset, length) of each section as 64-bit numbers, then the
/// sections, each at a multiple of 8 bytes. Section 0 holds the string offsets (count + 1 values), section 1 the
/// characters, section 2 the sequential stream, sections from 3 on the arrays of <see cref="AddSection{T}"/>.
/// All numbers are little-endian (the key records the byte order of the machine that wrote it).
/// </remarks>
internal sealed class CompiledWriter
{
    /// <summary>Size of the magic and key that open a snapshot.</summary>
    public const int KeyLength = 32;

    /// <summary>The first sections: string offsets, string characters, the sequential stream.</summary>
    internal const int FirstArraySection = 3;

    internal static ReadOnlySpan<byte> Magic => "RSD2"u8;

    private readonly ArrayBufferWriter<byte> _stream = new(1 << 16);
    private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private readonly List<int> _starts = [0];
    private readonly List<byte[]> _sections = [];

    public void Write(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_stream.GetSpan(4), value);
        _stream.Advance(4);
    }

    public void Write(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_stream.GetSpan(8), value);
        _stream.Advance(8);
    }

    public void Write(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_stream.GetSpan(8), value);
        _stream.Advance(8);
    }

    public void Write(bool value) => Write(value ? (byte)1 : (byte)0);

    public void Write(byte value)
    {
        _stream.GetSpan(1)[0] = value;
        _stream.Advance(1);
    }

    /// <summary>A string or null, as its id in the string pool (-1 for null).</summary>
    public void Write(string? value) => Write(StringId(value));

    /// <summary>A count, then the strings.</summary>
    public void Write(IReadOnlyCollection<string> values)
    {
        Write(values.Count);
        foreach (var value in values)
        {
            Write(value);
        }
    }

    /// <summary>The id of <paramref name="value"/> in the string pool (-1 for null), for records of <see cref="AddSection{T}"/>.</summary>
    public int StringId(string? value)
    {
        if (value is null)
        {
            return -1;
        }

        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_stringIndex, value, out var known);
        if (!known)
        {
            index = _strings.Count;
            _strings.Add(value);
            _starts.Add(checked(_starts[^1] + value.Length));
        }

        return index;
    }

    /// <summary>Where the characters of pool string <paramref name="id"/> start in the characters section.</summary>
    public int StringStart(int id) => _starts[id];

    /// <summary>Adds an array of records, read in place by <see cref="CompiledSnapshot.Section{T}"/>; returns the section's number.</summary>
    public int AddSection<T>(ReadOnlySpan<T> items)
        where T : unmanaged
    {
        _sections.Add(MemoryMarshal.AsBytes(items).ToArray());
        return FirstArraySection + _sections.Count - 1;
    }

    /// <summary>The whole snapshot, opened by <paramref name="key"/> (<see cref="KeyLength"/> bytes).</summary>
    public byte[] ToArray(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"a key of {KeyLength} bytes", nameof(key));
        }

        var offsets = _starts.ToArray();
        var chars = new char[offsets[^1]];
        for (var i = 0; i < _strings.Count; i++)
        {
            _strings[i].CopyTo(chars.AsSpan(offsets[i]));
        }

        var sections = new List<byte[]>(FirstArraySection + _sections.Count)
        {
            MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray(),
            MemoryMarshal.AsBytes(chars.AsSpan()).ToArray(),
            _stream.WrittenSpan.ToArray(),
        };
        sections.AddRange(_sections);

        var tableStart = Align(Magic.Length + KeyLength + 4);
        var position = (long)tableStart + sections.Count * 16;
        var starts = new long[sections.Count];
        for (var i = 0; i < sections.Count; i++)
        {
            position = Align(position);
            starts[i] = position;
            position += sections[i].Length;
        }

        var bytes = new byte[checked((int)position)];
        Magic.CopyTo(bytes);
        key.CopyTo(bytes.AsSpan(Magic.Length));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length + KeyLength), sections.Count);
        for (var i = 0; i < sections.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(tableStart + i * 16), starts[i]);
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(tableStart + i * 16 + 8), sections[i].Length);
            sections[i].CopyTo(bytes.AsSpan((int)starts[i]));
        }

        return bytes;
    }

    internal static int Align(int position) => (position + 7) & ~7;

    private static long Align(long position) => (position + 7) & ~7L;
}

/// <summary>
/// Reads the sequential stream of a <see cref="CompiledSnapshot"/> in the order <see cref="CompiledWriter"/> wrote it;
/// malformed input throws <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class CompiledReader
{
    private readonly CompiledSnapshot _snapshot;
    private readonly int _end;
    private int _position;

    internal CompiledReader(CompiledSnapshot snapshot, int start, int end)
    {
        _snapshot = snapshot;
        _position = start;
        _end = end;
    }

    /// <summary>The snapshot read, for its sections and strings.</summary>
    public CompiledSnapshot Snapshot => _snapshot;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public bool ReadBoolean() => Take(1)[0] != 0;

    public byte ReadByte() => Take(1)[0];

    /// <summary>A count written before a sequence, checked against what is left (each item takes at least <paramref name="itemBytes"/>).</summary>
    public int ReadCount(int itemBytes = 1)
    {
        var count = ReadInt32();
        if (count < 0 || (long)count * itemBytes > _end - _position)
        {
            throw new InvalidDataException($"bad count {count}");
        }

        return count;
    }

    /// <summary>A string or null (a new string object: equal ids give equal, not identical, strings).</summary>
    public string? ReadString() => _snapshot.String(ReadInt32());

    /// <summary>A string that may not be null.</summary>
    public string ReadRequiredString() => ReadString() ?? throw new InvalidDataException("a required string is null");

    /// <summary>A list of strings written by <see cref="CompiledWriter.Write(IReadOnlyCollection{string})"/>.</summary>
    public List<string> ReadStringList()
    {
        var count = ReadCount(4);
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(ReadRequiredString());
        }

        return list;
    }

    /// <summary>Throws unless the whole stream was read.</summary>
    public void ExpectEnd()
    {
        if (_position != _end)
        {
            throw new InvalidDataException($"{_end - _position} bytes left unread");
        }
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > _end - _position)
        {
            throw new InvalidDataException("the snapshot ends early");
        }

        var span = _snapshot.Bytes.Slice(_position, length);
        _position += length;
        return span;
    }
}

/// <summary>
/// An opened snapshot of <see cref="CompiledData"/>: its bytes mapped from the file (so only the pages a lookup touches
/// are read, and they are shared with the page cache) or held in an array (a snapshot just compiled).
/// </summary>
internal sealed unsafe class CompiledSnapshot
{
    private readonly byte[]? _array;
    private readonly byte* _pointer;
    private readonly int _length;
    private readonly MappedFile? _mapping;
    private readonly (int Start, int Length)[] _sections;

    private CompiledSnapshot(byte[]? array, byte* pointer, int length, MappedFile? mapping)
    {
        _array = array;
        _pointer = pointer;
        _length = length;
        _mapping = mapping;
        _sections = ReadSectionTable(Bytes);
        var offsets = Section<int>(0);
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != Section<char>(1).Length)
        {
            throw new InvalidDataException("bad string pool");
        }

        StringCount = offsets.Length - 1;
    }

    /// <summary>The whole snapshot.</summary>
    public ReadOnlySpan<byte> Bytes => _array is not null ? _array : new ReadOnlySpan<byte>(_pointer, _length);

    /// <summary>Number of strings in the pool.</summary>
    public int StringCount { get; }

    /// <summary>A snapshot held in memory; throws <see cref="InvalidDataException"/> when it is malformed.</summary>
    public static CompiledSnapshot FromArray(byte[] bytes) => new(bytes, null, bytes.Length, null);

    /// <summary>Maps the snapshot file at <paramref name="path"/>; null when it is missing, unreadable, malformed or has another key.</summary>
    public static CompiledSnapshot? TryOpen(string path, ReadOnlySpan<byte> key)
    {
        MappedFile? mapping = null;
        try
        {
            mapping = MappedFile.Map(path);
            if (mapping is null)
            {
                return null;
            }

            if (!HasKey(new ReadOnlySpan<byte>(mapping.Pointer, mapping.Length), key))
            {
                mapping.Unmap();
                return null;
            }

            return new CompiledSnapshot(null, mapping.Pointer, mapping.Length, mapping);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            mapping?.Unmap();
            return null;
        }
    }

    /// <summary>True when <paramref name="bytes"/> starts with the magic and <paramref name="key"/>.</summary>
    internal static bool HasKey(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> key) =>
        bytes.Length >= CompiledWriter.Magic.Length + CompiledWriter.KeyLength
        && bytes[..CompiledWriter.Magic.Length].SequenceEqual(CompiledWriter.Magic)
        && bytes.Slice(CompiledWriter.Magic.Length, CompiledWriter.KeyLength).SequenceEqual(key);

    /// <summary>Section <paramref name="index"/> as an array of <typeparamref name="T"/>, read in place.</summary>
    public ReadOnlySpan<T> Section<T>(int index)
        where T : unmanaged
    {
        if ((uint)index >= (uint)_sections.Length)
        {
            throw new InvalidDataException($"no section {index}");
        }

        var (start, length) = _sections[index];
        if (length % Unsafe.SizeOf<T>() != 0)
        {
            throw new InvalidDataException($"section {index} is not an array of {typeof(T).Name}");
        }

        return MemoryMarshal.Cast<byte, T>(Bytes.Slice(start, length));
    }

    /// <summary>The characters of pool string <paramref name="id"/>.</summary>
    public ReadOnlySpan<char> Chars(int id)
    {
        var offsets = Section<int>(0);
        if ((uint)id >= (uint)StringCount)
        {
            throw new InvalidDataException($"bad string id {id}");
        }

        return Section<char>(1)[offsets[id]..offsets[id + 1]];
    }

    /// <summary>Pool string <paramref name="id"/> as a new string, or null for -1.</summary>
    public string? String(int id) => id == -1 ? null : Chars(id) is { Length: > 0 } chars ? new string(chars) : string.Empty;

    /// <summary>A reader of the sequential stream, from its start.</summary>
    public CompiledReader Reader()
    {
        var (start, length) = _sections[2];
        return new CompiledReader(this, start, start + length);
    }

    private static (int Start, int Length)[] ReadSectionTable(ReadOnlySpan<byte> bytes)
    {
        var countAt = CompiledWriter.Magic.Length + CompiledWriter.KeyLength;
        if (bytes.Length < countAt + 4)
        {
            throw new InvalidDataException("no section table");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[countAt..]);
        var tableStart = CompiledWriter.Align(countAt + 4);
        if (count < CompiledWriter.FirstArraySection || (long)tableStart + count * 16L > bytes.Length)
        {
            throw new InvalidDataException($"bad section count {count}");
        }

        var sections = new (int, int)[count];
        for (var i = 0; i < count; i++)
        {
            var start = BinaryPrimitives.ReadInt64LittleEndian(bytes[(tableStart + i * 16)..]);
            var length = BinaryPrimitives.ReadInt64LittleEndian(bytes[(tableStart + i * 16 + 8)..]);
            if (start < 0 || length < 0 || start + length > bytes.Length || start % 8 != 0)
            {
                throw new InvalidDataException($"section {i} lies outside the file");
            }

            sections[i] = ((int)start, (int)length);
        }

        return sections;
    }

}

/// <summary>
/// A file mapped read-only into memory. A mapped snapshot is never unmapped: spans over it may be in use on any thread
/// for as long as the process runs (the pages stay shared with the page cache, so this costs address space only).
/// </summary>
internal sealed unsafe class MappedFile
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    private MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view, byte* pointer, int length)
    {
        _file = file;
        _view = view;
        Pointer = pointer;
        Length = length;
    }

    public byte* Pointer { get; }

    public int Length { get; }

    /// <summary>Maps <paramref name="path"/>; null when there is no such file or it is empty.</summary>
    public static MappedFile? Map(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (stream.Length is 0 or > int.MaxValue)
        {
            stream.Dispose();
            return null;
        }

        var length = (int)stream.Length;
        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer); // never released: see the class summary
        return new MappedFile(file, view, pointer + view.PointerOffset, length);
    }

    /// <summary>Unmaps a file no span has been taken from yet.</summary>
    public void Unmap()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
