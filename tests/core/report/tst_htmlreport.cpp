// SPDX-License-Identifier: Apache-2.0
// The HTML report is one self-contained, well-formed page on every fixture home: every finding, the three verdicts,
// evidence escaped and masked, names redacted before escaping, the SHA-256 of what was inspected, nothing fetched.
#include "core/inspection.h"
#include "core/report/html/htmlreport.h"
#include "core/report/html/htmltext.h"
#include "core/report/reports.h"
#include "fixturehome.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Posture::Core;
using Posture::Tests::FixtureHome;

namespace {

// What is wrong with the page's structure or what it would fetch, or empty: the container elements open and close
// in pairs, and no element loads anything (links to documentation are anchors, which load nothing by themselves).
QString pageProblems(const QString &page)
{
    for (const char *tag : {"html", "head", "body", "section", "article", "header", "table", "tr", "td", "th", "pre",
             "code", "ul", "ol", "li", "p", "h1", "h2", "h3", "span", "div", "style", "title", "a", "strong"}) {
        const QString name = QLatin1StringView(tag);
        const qsizetype opened = page.count(QRegularExpression(QStringLiteral("<%1[ >]").arg(name)));
        const qsizetype closed = page.count(QStringLiteral("</%1>").arg(name));
        if (opened != closed)
            return QStringLiteral("<%1> opened %2 times, closed %3 times").arg(name).arg(opened).arg(closed);
    }
    static const QRegularExpression fetches(
        QStringLiteral("<(script|img|link|iframe|object|embed|audio|video|source|base)\\b|\\bsrc=|url\\(|@import"),
        QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch match = fetches.match(page); match.hasMatch())
        return QStringLiteral("the page would fetch something: ") + match.captured();
    static const QRegularExpression href(QStringLiteral("<(\\w+)[^>]*\\bhref=\"([^\"]*)\""));
    for (auto it = href.globalMatch(page); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (match.captured(1) != u"a" || !match.captured(2).startsWith(u"https://"))
            return QStringLiteral("unexpected href: ") + match.captured();
    }
    if (!page.contains(QStringLiteral("content=\"default-src 'none'; style-src 'unsafe-inline'\"")))
        return QStringLiteral("no Content-Security-Policy");
    return {};
}

QString html(const Inspection &inspection, bool redact = false)
{
    return QString::fromUtf8(renderReport(*reportFormat(QStringLiteral("html")), inspection,
        ReportRequest{QDateTime::currentDateTimeUtc(), false, redact}));
}

} // namespace

class TestHtmlReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixture_isOneWellFormedPageWithEveryFinding();
    void pageProblems_seesWhatWouldBeFetched();
    void yolo_showsVerdictsPostureAndEvidence();
    void safeHome_isOkEverywhere();
    void filesInspected_haveTheirSha256();
    void userText_isEscaped();
    void redacted_namesNoOneAndStaysEscaped();
    void levelWords_areRedactedToo();
    void pdfPage_isTheSameReportWithPlainStyle();
};

void TestHtmlReport::everyFixture_isOneWellFormedPageWithEveryFinding()
{
    for (const QString &directory : FixtureHome::caseDirectories()) {
        const FixtureHome fixture(directory);
        const Inspection inspection = Inspection::run(fixture.options(true), QProcessEnvironment());
        const QString page = html(inspection);
        const QString name = FixtureHome::label(directory) + QStringLiteral(": ");
        const QString problem = pageProblems(page);
        QVERIFY2(problem.isEmpty(), qPrintable(name + problem));
        for (const char *section :
            {"verdicts", "posture", "findings", "layers", "sandbox", "accepted", "files", "versions"})
            QVERIFY2(page.contains(QStringLiteral("<section id=\"%1\">").arg(QLatin1StringView(section))),
                qPrintable(name + QLatin1StringView(section)));
        for (const Finding &finding : inspection.findings) {
            QVERIFY2(page.contains(finding.title.toHtmlEscaped()), qPrintable(name + finding.title));
            QVERIFY2(page.contains(u'>' + finding.id.toHtmlEscaped() + u'<'), qPrintable(name + finding.id));
        }
    }
}

void TestHtmlReport::pageProblems_seesWhatWouldBeFetched()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const QString page = html(Inspection::run(fixture.options(false), QProcessEnvironment()));
    QCOMPARE(pageProblems(page), QString());
    const QString tail = QStringLiteral("</body>");
    for (const QString &planted : {QStringLiteral("<img alt=\"\" src=\"https://example.com/x.png\">"),
             QStringLiteral("<link rel=\"stylesheet\" href=\"https://example.com/x.css\">"),
             QStringLiteral("<div style=\"background: url(https://example.com/x.png)\"></div>"),
             QStringLiteral("<script></script>"), QStringLiteral("<a href=\"file:///etc/passwd\">x</a>"),
             QStringLiteral("<section>")})
        QVERIFY2(!pageProblems(QString(page).replace(tail, planted + tail)).isEmpty(), qPrintable(planted));
}

void TestHtmlReport::yolo_showsVerdictsPostureAndEvidence()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const Inspection inspection = Inspection::run(fixture.options(false), QProcessEnvironment());
    const QString page = html(inspection);
    QVERIFY(page.contains(QStringLiteral("<title>Codex posture: critical</title>")));
    // Every level with its icon and its word beside the colour.
    QVERIFY(page.contains(QStringLiteral("<span class=\"risk risk-critical\"><span class=\"icon\" aria-hidden=\"true\">"
                                         "\u2716\uFE0E</span> critical</span>")));
    for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud}) {
        const QString label = surfaceLabel(surface);
        const QString word = inspection.verdict(surface).word();
        QVERIFY2(
            page.contains(QRegularExpression(QStringLiteral("<div class=\"surface\">%1</div><div class=\"word\">"
                                                            "<span class=\"risk [^\"]+\"><span[^>]*>[^<]+</span> %2<")
                    .arg(label, word))),
            qPrintable(label));
    }
    // The posture cell: value, level and where it was set.
    QVERIFY(
        page.contains(QStringLiteral("<td class=\"tint-critical\"><code>danger-full-access</code> <span class=\"risk "
                                     "risk-critical\">")));
    QVERIFY(page.contains(QStringLiteral("<div class=\"from\">config.toml:4 (user)</div>")));
    // The evidence line, masked; the guided fix.
    QVERIFY(page.contains(QStringLiteral("<pre class=\"snippet\"><span class=\"line\">4</span> sandbox_mode = "
                                         "&quot;danger-full-access&quot;")));
    QVERIFY(page.contains(QStringLiteral("experimental_bearer_token = &quot;&lt;masked&gt;&quot;")));
    QVERIFY(!page.contains(QStringLiteral("PLANTED")));
    QVERIFY(page.contains(QStringLiteral("<strong>Guided fix:</strong> <code>codex-posture --fix fix:")));
}

void TestHtmlReport::safeHome_isOkEverywhere()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("safe-legacy")));
    const QString page = html(Inspection::run(fixture.options(false), QProcessEnvironment()));
    QVERIFY(page.contains(QStringLiteral("<title>Codex posture: ok</title>")));
    QCOMPARE(page.count(QStringLiteral("<td class=\"verdict tint-ok\">")), 3);
    const QString body = page.mid(page.indexOf(QStringLiteral("<body>")));
    QVERIFY(!body.contains(QStringLiteral("risk-critical")));
    QVERIFY(!body.contains(QStringLiteral("risk-high")));
}

void TestHtmlReport::filesInspected_haveTheirSha256()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QFile config(fixture.codexHome() + QStringLiteral("/config.toml"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QByteArray bytes = config.readAll();
    const QString page = html(Inspection::run(fixture.options(false), QProcessEnvironment()));
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QVERIFY2(page.contains(QStringLiteral("<td><code>%1</code></td><td>%2</td><td><code class=\"hash\">%3</code>")
                     .arg(config.fileName().toHtmlEscaped())
                     .arg(bytes.size())
                     .arg(hash)),
        qPrintable(hash));
}

void TestHtmlReport::userText_isEscaped()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QFile config(fixture.codexHome() + QStringLiteral("/config.toml"));
    QVERIFY(config.open(QIODevice::ReadWrite));
    QByteArray bytes = config.readAll();
    // A comment on the evidence line is shown in the snippet: it must stay text.
    bytes.replace("sandbox_mode = \"danger-full-access\"",
        "sandbox_mode = \"danger-full-access\" # </pre><script>alert(1)</script> & \"q\"");
    QVERIFY(config.seek(0) && config.write(bytes) == bytes.size());
    config.close();
    const QString page = html(Inspection::run(fixture.options(false), QProcessEnvironment()));
    QVERIFY(!page.contains(QStringLiteral("<script>")));
    QVERIFY(page.contains(QStringLiteral("# &lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;")));
    QCOMPARE(pageProblems(page), QString());
}

void TestHtmlReport::redacted_namesNoOneAndStaysEscaped()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const Inspection inspection = Inspection::run(fixture.options(false), QProcessEnvironment());
    QVERIFY(html(inspection).contains(fixture.home()));
    const QString page = html(inspection, true);
    QVERIFY(!page.contains(fixture.home()));
    // The placeholder is text, not a <home> element the browser would hide.
    QVERIFY2(page.contains(QStringLiteral("&lt;home&gt;/.codex/config.toml")), qPrintable(page));
    QVERIFY(!page.contains(QStringLiteral("<home>")));
    QCOMPARE(pageProblems(page), QString());
}

// A level's word can name a path (an ignored project layer's status says which project to trust): it is text too.
void TestHtmlReport::levelWords_areRedactedToo()
{
    const HtmlText html(Redaction::of(QStringLiteral("/home/zoë"), QStringLiteral("zoë"), QStringLiteral("box")));
    const QString shown = html.risk(RiskLevel::Info, QStringLiteral("ignored: trust [projects.\"/home/zoë/p\"] <x>"));
    QVERIFY2(!shown.contains(QStringLiteral("zoë")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("ignored: trust [projects.&quot;&lt;home&gt;/p&quot;] &lt;x&gt;</span>")),
        qPrintable(shown));
}

void TestHtmlReport::pdfPage_isTheSameReportWithPlainStyle()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const Inspection inspection = Inspection::run(fixture.options(false), QProcessEnvironment());
    const QDateTime when = QDateTime::currentDateTimeUtc();
    const QString browser = QString::fromUtf8(renderHtmlReport(inspection, when, false, HtmlStyle::Browser));
    const QString pdf = QString::fromUtf8(renderHtmlReport(inspection, when, false, HtmlStyle::QtPdf));
    const auto body = [](const QString &page) { return page.mid(page.indexOf(QStringLiteral("</style>"))); };
    QCOMPARE(body(pdf), body(browser));
    QVERIFY(browser.contains(QStringLiteral("@media (prefers-color-scheme: dark)")));
    QVERIFY(browser.contains(QStringLiteral("@media print")));
    // Qt's rich-text engine drops a whole sheet with a media query or a variable in it.
    QVERIFY(!pdf.contains(QStringLiteral("@media")));
    QVERIFY(!pdf.contains(QStringLiteral("var(")));
}

QTEST_GUILESS_MAIN(TestHtmlReport)
#include "tst_htmlreport.moc"
