// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/configlayer.h"

#include <QHash>
#include <QVariantMap>

#include <functional>
#include <optional>

namespace Posture::Core {

// Where a value came from: which layer (an index into the layers merged), the place in its file, and the value.
struct ValueOrigin
{
    int layer = -1;
    SourceLocation location;
    QVariant value;
};

// A value Codex did not apply, and why (an untrusted project, a key projects may not set, ...).
struct IgnoredValue
{
    int layer = -1;
    SourceLocation location;
    QString reason;
};

// The story of one key: the origin that won, the ones it overrode (lowest first), and the ones Codex ignored.
struct Provenance
{
    KeyPath path;
    ValueOrigin winner;
    QList<ValueOrigin> overridden;
    QList<IgnoredValue> ignored;
};

// Codex's merge of its layers: tables merge key by key; scalars and arrays of a higher layer replace lower ones.
// Every non-table value keeps its provenance.
class EffectiveConfig
{
public:
    // A key that a layer of this kind may not set, and why: Codex removes it (the project deny-list).
    using Filter = std::function<std::optional<QString>(const ConfigLayer &layer, const KeyPath &path)>;

    static EffectiveConfig merge(const ConfigLayers &layers, const Filter &filter = {});
    // The merge of only these top-level keys: cheap, for what must be known before the project layers are found.
    static EffectiveConfig mergeOnly(const ConfigLayers &layers, const QStringList &topLevelKeys);

    const QVariantMap &root() const { return m_root; }
    QVariant value(const KeyPath &path) const;
    bool contains(const KeyPath &path) const { return value(path).isValid(); }
    // The provenance of a non-table value (or of a key that was only ever ignored).
    std::optional<Provenance> provenance(const KeyPath &path) const;
    // Where the value at path was set; for a table (which has no place of its own), its first value's place.
    SourceLocation location(const KeyPath &path) const;
    // Marks a value that Codex does not apply (an unknown key): its origin moves to the ignored ones.
    void ignore(const KeyPath &path, const QString &reason);
    // Every key path with a provenance, in no particular order.
    QList<KeyPath> keyPaths() const;

private:
    // The walks carry the path's hash along (keyPathHash), so that no full path is hashed per value.
    void mergeTable(const QVariantMap &table, KeyPath &path, size_t pathHash, QVariantMap &into, int layer,
        const ConfigLayer &source, const Filter &filter);
    void ignoreAll(const QVariant &value, KeyPath &path, size_t pathHash, int layer, const ConfigLayer &source,
        const QString &reason);
    Provenance &provenanceAt(const KeyPath &path, size_t pathHash);

    QVariantMap m_root;
    QHash<size_t, Provenance> m_provenance; // keyPathHash → provenance
};

} // namespace Posture::Core
