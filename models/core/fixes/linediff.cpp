// SPDX-License-Identifier: Apache-2.0
#include "core/fixes/linediff.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace Posture::Core::LineDiff {

namespace {

// The divide and conquer over lines numbered by content (equal lines, equal numbers).
class Differ
{
public:
    Differ(std::vector<int> a, std::vector<int> b, int maxEdits, Changes &changes)
        : m_a(std::move(a))
        , m_b(std::move(b))
        , m_maxEdits(maxEdits)
        , m_changes(changes)
    { }

    void diff(int aLo, int aHi, int bLo, int bHi)
    {
        while (aLo < aHi && bLo < bHi && m_a[aLo] == m_b[bLo]) {
            ++aLo;
            ++bLo;
        }
        while (aLo < aHi && bLo < bHi && m_a[aHi - 1] == m_b[bHi - 1]) {
            --aHi;
            --bHi;
        }
        int x = 0;
        int y = 0;
        if (aLo == aHi || bLo == bHi || !middleSnake(aLo, aHi, bLo, bHi, x, y)) {
            std::fill(m_changes.removed.begin() + aLo, m_changes.removed.begin() + aHi, true);
            std::fill(m_changes.added.begin() + bLo, m_changes.added.begin() + bHi, true);
            return;
        }
        diff(aLo, x, bLo, y);
        diff(x, aHi, y, bHi);
    }

private:
    // Searches forwards from the start and backwards from the end of the range at once, one edit more each round,
    // until the two paths overlap: the point where they meet splits a shortest edit script in two halves. Both
    // frontiers are kept per diagonal only, so the memory is linear in the range. Returns false when the range needs
    // more than m_maxEdits edits. (The loop follows the bisection of Neil Fraser's diff-match-patch.)
    bool middleSnake(int aLo, int aHi, int bLo, int bHi, int &splitA, int &splitB) const
    {
        const int n = aHi - aLo;
        const int m = bHi - bLo;
        const int maxD = (n + m + 1) / 2;
        const int offset = maxD;
        const int length = 2 * maxD + 2;
        std::vector<int> forward(size_t(length), -1);
        std::vector<int> backward(size_t(length), -1);
        forward[size_t(offset + 1)] = 0;
        backward[size_t(offset + 1)] = 0;
        const int delta = n - m;
        const bool odd = (delta % 2) != 0; // the forward path meets the backward one on odd deltas
        int k1Start = 0;
        int k1End = 0;
        int k2Start = 0;
        int k2End = 0;
        const int rounds = std::min(maxD, m_maxEdits);
        for (int d = 0; d < rounds; ++d) {
            for (int k1 = -d + k1Start; k1 <= d - k1End; k1 += 2) {
                const int k1Offset = offset + k1;
                int x1 = (k1 == -d || (k1 != d && forward[size_t(k1Offset - 1)] < forward[size_t(k1Offset + 1)]))
                    ? forward[size_t(k1Offset + 1)]
                    : forward[size_t(k1Offset - 1)] + 1;
                int y1 = x1 - k1;
                while (x1 < n && y1 < m && m_a[size_t(aLo + x1)] == m_b[size_t(bLo + y1)]) {
                    ++x1;
                    ++y1;
                }
                forward[size_t(k1Offset)] = x1;
                if (x1 > n) {
                    k1End += 2; // off the right edge
                } else if (y1 > m) {
                    k1Start += 2; // off the bottom edge
                } else if (odd) {
                    const int k2Offset = offset + delta - k1;
                    if (k2Offset >= 0 && k2Offset < length && backward[size_t(k2Offset)] != -1
                        && x1 >= n - backward[size_t(k2Offset)]) {
                        splitA = aLo + x1;
                        splitB = bLo + y1;
                        return true;
                    }
                }
            }
            for (int k2 = -d + k2Start; k2 <= d - k2End; k2 += 2) {
                const int k2Offset = offset + k2;
                int x2 = (k2 == -d || (k2 != d && backward[size_t(k2Offset - 1)] < backward[size_t(k2Offset + 1)]))
                    ? backward[size_t(k2Offset + 1)]
                    : backward[size_t(k2Offset - 1)] + 1;
                int y2 = x2 - k2;
                while (x2 < n && y2 < m && m_a[size_t(aLo + n - x2 - 1)] == m_b[size_t(bLo + m - y2 - 1)]) {
                    ++x2;
                    ++y2;
                }
                backward[size_t(k2Offset)] = x2;
                if (x2 > n) {
                    k2End += 2;
                } else if (y2 > m) {
                    k2Start += 2;
                } else if (!odd) {
                    const int k1Offset = offset + delta - k2;
                    if (k1Offset >= 0 && k1Offset < length && forward[size_t(k1Offset)] != -1) {
                        const int x1 = forward[size_t(k1Offset)];
                        const int y1 = offset + x1 - k1Offset;
                        if (x1 >= n - x2) {
                            splitA = aLo + x1;
                            splitB = bLo + y1;
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    const std::vector<int> m_a;
    const std::vector<int> m_b;
    const int m_maxEdits;
    Changes &m_changes;
};

} // namespace

Changes compare(const QList<QByteArray> &before, const QList<QByteArray> &after, int maxEdits)
{
    Changes changes;
    changes.removed.fill(false, before.size());
    changes.added.fill(false, after.size());
    QHash<QByteArray, int> numbers;
    const auto numbered = [&numbers](const QList<QByteArray> &lines) {
        std::vector<int> result;
        result.reserve(size_t(lines.size()));
        for (const QByteArray &line : lines) {
            auto known = numbers.constFind(line);
            if (known == numbers.cend())
                known = numbers.insert(line, int(numbers.size()));
            result.push_back(*known);
        }
        return result;
    };
    std::vector<int> a = numbered(before);
    std::vector<int> b = numbered(after);
    Differ(std::move(a), std::move(b), std::max(1, maxEdits), changes)
        .diff(0, int(before.size()), 0, int(after.size()));
    return changes;
}

} // namespace Posture::Core::LineDiff
