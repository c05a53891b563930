// SPDX-License-Identifier: Apache-2.0
#include "core/config/effectiveconfig.h"

namespace Posture::Core {

EffectiveConfig EffectiveConfig::merge(const ConfigLayers &layers, const Filter &filter)
{
    EffectiveConfig config;
    for (int index = 0; index < layers.size(); ++index) {
        const ConfigLayer &layer = layers.at(index);
        if (layer.document.status() != ConfigDocument::Status::Parsed || layer.kind == ConfigLayer::Kind::Requirements)
            continue;
        KeyPath path;
        if (layer.enabled)
            config.mergeTable(layer.document.root(), path, keyPathHash({}), config.m_root, index, layer, filter);
        else
            config.ignoreAll(layer.document.root(), path, keyPathHash({}), index, layer, layer.disabledReason);
    }
    return config;
}

EffectiveConfig EffectiveConfig::mergeOnly(const ConfigLayers &layers, const QStringList &topLevelKeys)
{
    ConfigLayers reduced = layers;
    for (ConfigLayer &layer : reduced) {
        QVariantMap kept;
        for (const QString &key : topLevelKeys) {
            if (layer.document.root().contains(key))
                kept.insert(key, layer.document.root().value(key));
        }
        layer.document.setRoot(kept);
    }
    return merge(reduced);
}

void EffectiveConfig::mergeTable(const QVariantMap &table, KeyPath &path, size_t pathHash, QVariantMap &into, int layer,
    const ConfigLayer &source, const Filter &filter)
{
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        path.append(it.key());
        const size_t childHash = childPathHash(pathHash, it.key());
        const std::optional<QString> refused = filter ? filter(source, path) : std::nullopt;
        if (refused) {
            ignoreAll(it.value(), path, childHash, layer, source, *refused);
        } else if (it.value().typeId() == QMetaType::QVariantMap
            && (!into.contains(it.key()) || into.value(it.key()).typeId() == QMetaType::QVariantMap)) {
            QVariantMap child = into.take(it.key()).toMap(); // taken, so that filling it does not copy it
            mergeTable(it.value().toMap(), path, childHash, child, layer, source, filter);
            into.insert(it.key(), child);
        } else {
            Provenance &provenance = provenanceAt(path, childHash);
            if (provenance.winner.layer >= 0)
                provenance.overridden.append(provenance.winner);
            provenance.winner = ValueOrigin{layer, source.document.locationOfHash(childHash), it.value()};
            into.insert(it.key(), it.value());
        }
        path.removeLast();
    }
}

void EffectiveConfig::ignoreAll(
    const QVariant &value, KeyPath &path, size_t pathHash, int layer, const ConfigLayer &source, const QString &reason)
{
    if (value.typeId() == QMetaType::QVariantMap) {
        const QVariantMap table = value.toMap();
        for (auto it = table.cbegin(); it != table.cend(); ++it) {
            path.append(it.key());
            ignoreAll(it.value(), path, childPathHash(pathHash, it.key()), layer, source, reason);
            path.removeLast();
        }
        return;
    }
    provenanceAt(path, pathHash).ignored.append(IgnoredValue{layer, source.document.locationOfHash(pathHash), reason});
}

Provenance &EffectiveConfig::provenanceAt(const KeyPath &path, size_t pathHash)
{
    Provenance &provenance = m_provenance[pathHash];
    if (provenance.path.isEmpty())
        provenance.path = path;
    return provenance;
}

SourceLocation EffectiveConfig::location(const KeyPath &path) const
{
    if (const std::optional<Provenance> own = provenance(path); own && own->winner.layer >= 0)
        return own->winner.location;
    SourceLocation first;
    for (const Provenance &candidate : m_provenance) {
        if (candidate.path.size() > path.size() && candidate.path.first(path.size()) == path
            && candidate.winner.layer >= 0 && (first.line == 0 || candidate.winner.location.line < first.line))
            first = candidate.winner.location;
    }
    return first;
}

void EffectiveConfig::ignore(const KeyPath &path, const QString &reason)
{
    const auto it = m_provenance.find(keyPathHash(path));
    if (it == m_provenance.end() || it->winner.layer < 0)
        return;
    it->ignored.append(IgnoredValue{it->winner.layer, it->winner.location, reason});
    it->winner = ValueOrigin{};
}

QList<KeyPath> EffectiveConfig::keyPaths() const
{
    QList<KeyPath> paths;
    paths.reserve(m_provenance.size());
    for (const Provenance &provenance : m_provenance)
        paths.append(provenance.path);
    return paths;
}

QVariant EffectiveConfig::value(const KeyPath &path) const
{
    QVariant current = m_root;
    for (const QString &key : path) {
        if (current.typeId() != QMetaType::QVariantMap)
            return {};
        current = current.toMap().value(key);
    }
    return current;
}

std::optional<Provenance> EffectiveConfig::provenance(const KeyPath &path) const
{
    const auto it = m_provenance.constFind(keyPathHash(path));
    if (it == m_provenance.cend())
        return std::nullopt;
    return *it;
}

} // namespace Posture::Core
