/* sd-boundary-model.h — the boundary scorer's fitted trees, written by
 * tests/fit-boundary.py --c; included by sd-boundary.c only
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

/* Fitted 2026-12-07 by tests/fit-boundary.py on 454 candidate
 * titles of seeds/, tests/pages/ and the real batches b1–b17
 * in their three forms; 40 trees of depth 2, rate 0.3. */
static const double boundary_bias = -0.9278;
static const BoundaryTree boundary_trees[] = {
  { { CUE_LEAD_COHESION, CUE_STORY_LENGTH, CUE_COLON }, { 0.06, 0.4973, 1.0 }, { 0.2658, 0.8900, -0.2233, 0.4810 } },
  { { CUE_LEAD_COHESION, CUE_TITLE_LENGTH, CUE_WIDE_GAP }, { 0.06, 0.2292, 1.0 }, { -0.0490, 0.4391, -0.1745, 0.7756 } },
  { { CUE_STORY_LENGTH, CUE_LEAD_NAMES, CUE_LEAD_COHESION }, { 0.3887, 1.0, 0.12 }, { -0.2485, 0.5032, 0.3869, -0.0022 } },
  { { CUE_NEW_PLACE, CUE_LEAD_COHESION, CUE_STORY_LENGTH }, { 1.0, 0.12, 0.3887 }, { 0.1230, -0.2090, 0.1154, 0.5316 } },
  { { CUE_COLON, CUE_WIDE_GAP, CUE_COHESION }, { 1.0, 1.0, 0.25 }, { -0.0901, 0.4607, 0.4523, -0.0485 } },
  { { CUE_STORY_LENGTH, CUE_LEAD_NAMES, CUE_STORY_LENGTH }, { 0.3887, 1.0, 0.669 }, { -0.1917, 0.3731, 0.2513, -0.0780 } },
  { { CUE_NEW_PLACE, CUE_COLON, CUE_TITLE_LENGTH }, { 1.0, 1.0, 0.1458 }, { -0.0934, 0.3291, -0.2288, 0.3127 } },
  { { CUE_COHESION, CUE_STORY_LENGTH, CUE_STORY_LENGTH }, { 0.1, 0.5863, 0.3887 }, { 0.0421, 0.3076, -0.2390, 0.0166 } },
  { { CUE_WIDE_GAP, CUE_LEAD_NAMES, -1 }, { 1.0, 1.0, 0.0 }, { -0.0513, 0.2907, 0.3557, 0.3557 } },
  { { CUE_COHESION, CUE_STORY_LENGTH, CUE_NEWS_ITEM }, { 0.25, 0.4973, 1.0 }, { -0.0671, 0.1831, -0.2920, 0.2144 } },
  { { CUE_NEW_PLACE, CUE_COLON, CUE_NOISE }, { 1.0, 1.0, 0.0769 }, { -0.0694, 0.2655, 0.2297, -0.2097 } },
  { { CUE_LEAD_COHESION, CUE_TITLE_LENGTH, CUE_STORY_LENGTH }, { 0.06, 0.1458, 0.3887 }, { -0.2578, 0.1816, -0.1724, 0.0209 } },
  { { CUE_WIDE_GAP, CUE_AFTER_MARKED, -1 }, { 1.0, 1.0, 0.0 }, { -0.0347, 0.3535, 0.3017, 0.3017 } },
  { { CUE_SECTION_SHAPE, CUE_STORY_LENGTH, CUE_AT_EDGE }, { 1.0, 0.3887, 1.0 }, { -0.2385, -0.0024, 0.0083, 0.3226 } },
  { { CUE_COHESION, CUE_STORY_LENGTH, CUE_NEWS_ITEM }, { 0.25, 0.5863, 1.0 }, { -0.0303, 0.1538, -0.2667, 0.1823 } },
  { { CUE_COLON, CUE_COHESION, CUE_STORY_LENGTH }, { 1.0, 0.05, 0.2227 }, { 0.1060, -0.0678, -0.0143, 0.2468 } },
  { { CUE_LEAD_NAMES, CUE_LEAD_OPENER, CUE_SECTION_SHAPE }, { 1.0, 1.0, 1.0 }, { -0.0450, 0.1624, -0.1816, 0.3133 } },
  { { CUE_STORY_LENGTH, CUE_STORY_LENGTH, CUE_NEW_PLACE }, { 0.669, 0.5863, 1.0 }, { -0.0299, 0.3011, -0.2089, 0.3219 } },
  { { CUE_SECTION_SHAPE, CUE_LEAD_COHESION, CUE_AT_EDGE }, { 1.0, 0.06, 1.0 }, { 0.0455, -0.1652, 0.0102, 0.2251 } },
  { { CUE_WIDE_GAP, CUE_AFTER_MARKED, -1 }, { 1.0, 1.0, 0.0 }, { -0.0224, 0.2641, 0.2456, 0.2456 } },
  { { CUE_SPACED_HALVES, CUE_AFTER_MARKED, CUE_LEAD_OPENER }, { 1.0, 1.0, 1.0 }, { -0.0370, 0.2345, -0.0208, 0.4243 } },
  { { CUE_COLON, CUE_LEAD_COHESION, CUE_STORY_LENGTH }, { 1.0, 0.12, 0.4973 }, { 0.0443, -0.0715, 0.0498, 0.2607 } },
  { { CUE_LEAD_NAMES, CUE_WIDE_GAP, CUE_SECTION_SHAPE }, { 1.0, 1.0, 1.0 }, { -0.0187, 0.2206, -0.1768, 0.2627 } },
  { { CUE_STORY_LENGTH, CUE_STORY_LENGTH, CUE_NEW_PLACE }, { 0.669, 0.5863, 1.0 }, { -0.0202, 0.2328, -0.1676, 0.2544 } },
  { { CUE_SPACED_HALVES, CUE_AT_EDGE, CUE_NOISE }, { 1.0, 1.0, 0.0769 }, { -0.0007, -0.1710, 0.2742, -0.0899 } },
  { { CUE_TITLE_LENGTH, CUE_NEWS_ITEM, CUE_COLON }, { 0.7292, 1.0, 1.0 }, { -0.0004, 0.1627, -0.2303, 0.0349 } },
  { { CUE_SECTION_SHAPE, CUE_CUT_PROSE, CUE_CUT_ABOVE }, { 1.0, 1.0, 1.0 }, { -0.1380, 0.0583, 0.0112, 0.2825 } },
  { { CUE_COHESION, CUE_TITLE_LENGTH, CUE_COLUMNS }, { 0.15, 0.2292, 1.0 }, { -0.1022, 0.0999, -0.1665, 0.0506 } },
  { { CUE_AFTER_MARKED, CUE_STORY_LENGTH, -1 }, { 1.0, 0.669, 0.0 }, { 0.0151, -0.1297, 0.2107, 0.2107 } },
  { { CUE_SECTION_SHAPE, CUE_STORY_LENGTH, CUE_LEAD_NAMES }, { 1.0, 0.3887, 1.0 }, { -0.1748, 0.0089, 0.0073, 0.2084 } },
  { { CUE_WIDE_GAP, CUE_AFTER_MARKED, -1 }, { 1.0, 1.0, 0.0 }, { -0.0155, 0.1899, 0.1875, 0.1875 } },
  { { CUE_SPACED_HALVES, CUE_LEAD_OPENER, CUE_LEAD_OPENER }, { 1.0, 1.0, 1.0 }, { 0.0016, -0.1458, -0.0196, 0.3250 } },
  { { CUE_TITLE_LENGTH, CUE_TITLE_LENGTH, CUE_LEAD_OPENER }, { 0.625, 0.4167, 1.0 }, { -0.0048, 0.1328, -0.2071, 0.0872 } },
  { { CUE_STORY_LENGTH, CUE_NEWS_ITEM, CUE_STORY_LENGTH }, { 0.5863, 1.0, 0.669 }, { -0.0505, 0.1651, 0.1712, -0.0513 } },
  { { CUE_SECTION_SHAPE, CUE_EXCLAIMS, CUE_COHESION }, { 1.0, 1.0, 0.36 }, { -0.1068, 0.1698, 0.0368, -0.1565 } },
  { { CUE_LEAD_COHESION, CUE_TITLE_LENGTH, CUE_STORY_LENGTH }, { 0.06, 0.1458, 0.5863 }, { -0.2059, 0.0995, -0.0700, 0.0567 } },
  { { CUE_MARKED, CUE_TITLE_LENGTH, -1 }, { 1.0, 0.1458, 0.0 }, { -0.1138, 0.0096, 0.2257, 0.2257 } },
  { { CUE_COLON, CUE_COHESION, CUE_LEAD_COHESION }, { 1.0, 0.36, 0.12 }, { -0.0008, -0.2030, -0.0140, 0.1797 } },
  { { CUE_STORY_LENGTH, CUE_LEAD_COHESION, CUE_STORY_PLACE }, { 0.1763, 0.12, 1.0 }, { 0.1721, -0.2021, 0.0040, -0.2272 } },
  { { CUE_MARKED, CUE_AFTER_MARKED, -1 }, { 1.0, 1.0, 0.0 }, { -0.0146, 0.1673, 0.2081, 0.2081 } },
};
