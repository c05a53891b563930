// SPDX-License-Identifier: Apache-2.0
#include "effectiveconfig.h"

namespace Posture::Core {

EffectiveConfig EffectiveConfig::merge(const ConfigLayers &layers, const Filter &filter)
{
    EffectiveConfig config;
    for (int index = 0; index < layers.size(); ++index) {
        const ConfigLayer &layer = layers.at(index);
        if (layer.document.status() != ConfigDocument::Status::Parsed)
            continue;
        KeyPath path;
        if (layer.enabled)
            config.mergeTable(layer.document.root(), path, config.m_root, index, layer, filter);
        else
            config.ignoreAll(layer.document.root(), path, index, layer, layer.disabledReason);
    }
    return config;
}

void EffectiveConfig::mergeTable(const QVariantMap &table, KeyPath &path, QVariantMap &into, int layer,
    const ConfigLayer &source, const Filter &filter)
{
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        path.append(it.key());
        const std::optional<QString> refused = filter ? filter(source, path) : std::nullopt;
        if (refused) {
            ignoreAll(it.value(), path, layer, source, *refused);
        } else if (it.value().typeId() == QMetaType::QVariantMap
            && (!into.contains(it.key()) || into.value(it.key()).typeId() == QMetaType::QVariantMap)) {
            QVariantMap child = into.value(it.key()).toMap();
            mergeTable(it.value().toMap(), path, child, layer, source, filter);
            into.insert(it.key(), child);
        } else {
            Provenance &provenance = m_provenance[path];
            if (provenance.winner.layer >= 0)
                provenance.overridden.append(provenance.winner);
            provenance.winner = ValueOrigin{layer, source.document.location(path), it.value()};
            into.insert(it.key(), it.value());
        }
        path.removeLast();
    }
}

void EffectiveConfig::ignoreAll(
    const QVariant &value, KeyPath &path, int layer, const ConfigLayer &source, const QString &reason)
{
    if (value.typeId() == QMetaType::QVariantMap) {
        const QVariantMap table = value.toMap();
        for (auto it = table.cbegin(); it != table.cend(); ++it) {
            path.append(it.key());
            ignoreAll(it.value(), path, layer, source, reason);
            path.removeLast();
        }
        return;
    }
    m_provenance[path].ignored.append(IgnoredValue{layer, source.document.location(path), reason});
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
    const auto it = m_provenance.constFind(path);
    if (it == m_provenance.cend())
        return std::nullopt;
    return *it;
}

} // namespace Posture::Core
