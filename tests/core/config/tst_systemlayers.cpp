// SPDX-License-Identifier: Apache-2.0
// System config, requirements and the legacy managed config, read below --system-root. The real CLI always reads the
// machine's own /etc/codex, so these rules are tested here, on copied machines, not against the oracle.
#include "core/inspection.h"
#include "core/report/json/jsonreport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;

namespace {

// A machine: /etc/codex files below a system root, a user config, and an empty working directory.
class Machine
{
public:
    void write(const QString &relative, const QByteArray &bytes)
    {
        const QString path = m_root.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
    }

    Inspection inspect()
    {
        QDir().mkpath(m_root.filePath(QStringLiteral("home/.codex")));
        QDir().mkpath(m_root.filePath(QStringLiteral("work")));
        return Inspection::run(InspectOptions{.home = m_root.filePath(QStringLiteral("home")),
                                   .cwd = m_root.filePath(QStringLiteral("work")),
                                   .systemRoot = m_root.filePath(QStringLiteral("system"))},
            QProcessEnvironment());
    }

private:
    QTemporaryDir m_root;
};

} // namespace

class TestSystemLayers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void systemConfig_isOverriddenByUser();
    void requirements_replaceDisallowedApproval();
    void requirements_replaceDisallowedSandbox();
    void requirements_withoutReadOnly_refuseToStart();
    void managedConfig_isAllowlistAndHighestLayer();
};

void TestSystemLayers::systemConfig_isOverriddenByUser()
{
    Machine machine;
    machine.write(
        QStringLiteral("system/etc/codex/config.toml"), "sandbox_mode = \"workspace-write\"\nweb_search = \"live\"\n");
    machine.write(QStringLiteral("home/.codex/config.toml"), "sandbox_mode = \"read-only\"\n");
    const Inspection inspection = machine.inspect();
    QCOMPARE(inspection.cli.sandboxMode.value, QStringLiteral("read-only"));
    const Provenance provenance = *inspection.config.provenance({QStringLiteral("sandbox_mode")});
    QCOMPARE(inspection.layers.at(provenance.winner.layer).kind, ConfigLayer::Kind::User);
    QCOMPARE(provenance.overridden.size(), 1);
    QCOMPARE(inspection.layers.at(provenance.overridden.constFirst().layer).kind, ConfigLayer::Kind::System);
    QCOMPARE(inspection.config.value({QStringLiteral("web_search")}).toString(), QStringLiteral("live"));
}

void TestSystemLayers::requirements_replaceDisallowedApproval()
{
    Machine machine;
    machine.write(
        QStringLiteral("system/etc/codex/requirements.toml"), "allowed_approval_policies = [\"on-request\"]\n");
    machine.write(QStringLiteral("home/.codex/config.toml"), "approval_policy = \"never\"\n");
    const Inspection inspection = machine.inspect();
    // requirements.toml keys are not config keys; the fallback is a warning, as `codex doctor` reports it.
    QCOMPARE(inspection.loadStatus, LoadStatus::Warning);
    QVERIFY(inspection.messages.constFirst().text.contains(QStringLiteral("do not allow approval_policy = \"never\"")));
    QCOMPARE(inspection.cli.approvalPolicy.value, QStringLiteral("on-request"));
    QVERIFY(inspection.cli.approvalPolicy.requiredBy.file.endsWith(QStringLiteral("/etc/codex/requirements.toml")));
    QCOMPARE(inspection.cli.approvalPolicy.requiredBy.line, 1);
    const QJsonObject cell = QJsonDocument::fromJson(renderJsonReport(inspection, QDateTime()))
                                 .object()
                                 .value(u"surfaces")
                                 .toObject()
                                 .value(u"cli")
                                 .toObject()
                                 .value(u"provenance")
                                 .toObject()
                                 .value(u"approval_policy")
                                 .toObject();
    QCOMPARE(cell.value(u"layer").toString(), QStringLiteral("requirements"));
    QVERIFY(cell.value(u"reason").toString().startsWith(QStringLiteral("required")));
}

void TestSystemLayers::requirements_replaceDisallowedSandbox()
{
    Machine machine;
    machine.write(QStringLiteral("system/etc/codex/requirements.toml"),
        "allowed_sandbox_modes = [\"read-only\", \"workspace-write\"]\n");
    machine.write(QStringLiteral("home/.codex/config.toml"), "sandbox_mode = \"danger-full-access\"\n");
    const Inspection inspection = machine.inspect();
    QCOMPARE(inspection.loadStatus, LoadStatus::Warning);
    QCOMPARE(inspection.cli.sandboxMode.value, QStringLiteral("read-only")); // the first allowed mode
    QCOMPARE(inspection.cli.filesystem.value, QStringLiteral("restricted"));
    QCOMPARE(inspection.cli.network.value, QStringLiteral("restricted"));
}

void TestSystemLayers::requirements_withoutReadOnly_refuseToStart()
{
    Machine machine;
    machine.write(
        QStringLiteral("system/etc/codex/requirements.toml"), "allowed_sandbox_modes = [\"workspace-write\"]\n");
    const Inspection inspection = machine.inspect();
    QCOMPARE(inspection.loadStatus, LoadStatus::Fail);
    QVERIFY(inspection.messages.constFirst().text.contains(QStringLiteral("read-only")));
}

void TestSystemLayers::managedConfig_isAllowlistAndHighestLayer()
{
    Machine machine;
    machine.write(QStringLiteral("system/etc/codex/managed_config.toml"),
        "sandbox_mode = \"workspace-write\"\nweb_search = \"disabled\"\n");
    machine.write(
        QStringLiteral("home/.codex/config.toml"), "sandbox_mode = \"danger-full-access\"\nweb_search = \"live\"\n");
    const Inspection inspection = machine.inspect();
    // The managed value applies as the highest layer and is allowed: no fallback, no warning (as the real CLI).
    QCOMPARE(inspection.loadStatus, LoadStatus::Ok);
    QCOMPARE(inspection.cli.sandboxMode.value, QStringLiteral("workspace-write"));
    QCOMPARE(inspection.config.value({QStringLiteral("web_search")}).toString(), QStringLiteral("disabled"));
    const Provenance mode = *inspection.config.provenance({QStringLiteral("sandbox_mode")});
    QCOMPARE(inspection.layers.at(mode.winner.layer).kind, ConfigLayer::Kind::Managed);
    QCOMPARE(mode.overridden.size(), 1);
}

QTEST_GUILESS_MAIN(TestSystemLayers)
#include "tst_systemlayers.moc"
