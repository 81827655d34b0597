/* sd-boundary-model.h — the boundary scorer's fitted trees, written by
 * tests/fit-boundary.py --c; included by sd-boundary.c only
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* Prototypes are aligned in columns by hand: */
/* clang-format off */
#pragma once

/* Fitted 2026-12-07 by tests/fit-boundary.py on 585 candidate
 * titles of seeds/, tests/pages/ and the real batches b1–b22
 * in their three forms; 40 trees of depth 2, rate 0.3. */
static const double boundary_bias = -0.8801;
static const BoundaryTree boundary_trees[] = {
  { { CUE_LEAD_COHESION, CUE_ECHO, CUE_COLON }, { 0.06, 0.1, 1.0 }, { 0.0534, 0.7850, -0.2197, 0.5665 } },
  { { CUE_LEAD_COHESION, CUE_STORY_LENGTH, CUE_WIDE_GAP }, { 0.06, 0.384, 1.0 }, { 0.0348, 0.5478, -0.1705, 0.7952 } },
  { { CUE_STORY_LENGTH, CUE_LEAD_NAMES, CUE_ECHO }, { 0.384, 1.0, 0.1 }, { -0.2200, 0.4873, -0.0979, 0.3505 } },
  { { CUE_COLON, CUE_ECHO, CUE_COHESION }, { 1.0, 0.3529, 0.21 }, { -0.1622, 0.2275, 0.4947, 0.0315 } },
  { { CUE_COHESION, CUE_ECHO, CUE_COLUMNS }, { 0.16, 0.3529, 1.0 }, { -0.0006, 0.3963, -0.3231, -0.0793 } },
  { { CUE_STORY_LENGTH, CUE_LEAD_NAMES, CUE_LEAD_COHESION }, { 0.384, 1.0, 0.19 }, { -0.1718, 0.2959, 0.2379, -0.0774 } },
  { { CUE_COHESION, CUE_ECHO, CUE_LEAD_OPENER }, { 0.1, 0.1, 1.0 }, { -0.0480, 0.2446, -0.1458, 0.2992 } },
  { { CUE_COLON, CUE_WIDE_GAP, CUE_ECHO }, { 1.0, 1.0, 0.4444 }, { -0.0702, 0.4665, 0.4493, 0.0344 } },
  { { CUE_STORY_LENGTH, CUE_NEWS_ITEM, CUE_STORY_LENGTH }, { 0.561, 1.0, 0.6253 }, { -0.1101, 0.2683, 0.4444, -0.0260 } },
  { { CUE_LEAD_COHESION, CUE_TITLE_LENGTH, CUE_COLUMNS }, { 0.06, 0.2292, 1.0 }, { -0.0826, 0.2413, -0.2020, 0.0249 } },
  { { CUE_STORY_LENGTH, CUE_LEAD_NAMES, CUE_LEAD_COHESION }, { 0.3143, 1.0, 0.13 }, { -0.1505, 0.2301, 0.1873, -0.0209 } },
  { { CUE_COLON, CUE_ECHO, CUE_ECHO }, { 1.0, 0.4444, 0.4444 }, { -0.0787, 0.1737, 0.3791, 0.0122 } },
  { { CUE_WIDE_GAP, CUE_STORY_LENGTH, -1 }, { 1.0, 0.561, 0.0 }, { -0.0701, 0.1080, 0.3607, 0.3607 } },
  { { CUE_COLUMNS, CUE_COHESION, CUE_SPACED_HALVES }, { 1.0, 0.1, 1.0 }, { 0.0704, -0.2163, 0.0004, 0.2753 } },
  { { CUE_LEAD_NAMES, CUE_STORY_LENGTH, CUE_CUT_ABOVE }, { 1.0, 0.3143, 1.0 }, { -0.1140, 0.0372, 0.3384, -0.1158 } },
  { { CUE_COLON, CUE_ECHO, CUE_ECHO }, { 1.0, 0.3529, 0.4444 }, { -0.0690, 0.1133, 0.3413, 0.0032 } },
  { { CUE_WIDE_GAP, CUE_LEAD_OPENER, -1 }, { 1.0, 1.0, 0.0 }, { -0.0404, 0.1687, 0.3167, 0.3167 } },
  { { CUE_COLUMNS, CUE_COHESION, CUE_STORY_LENGTH }, { 1.0, 0.16, 0.561 }, { 0.0183, -0.2371, -0.0071, 0.2467 } },
  { { CUE_LEAD_NAMES, CUE_NEWS_ITEM, CUE_CUT_ABOVE }, { 1.0, 1.0, 1.0 }, { -0.0369, 0.1859, 0.2971, -0.1087 } },
  { { CUE_LEAD_COHESION, CUE_ECHO, CUE_STORY_LENGTH }, { 0.06, 0.3529, 0.3143 }, { 0.0133, 0.3219, -0.1409, 0.0196 } },
  { { CUE_COLON, CUE_WIDE_GAP, CUE_ECHO }, { 1.0, 1.0, 0.4444 }, { -0.0268, 0.2741, 0.3092, -0.0170 } },
  { { CUE_COLUMNS, CUE_COHESION, CUE_SPACED_HALVES }, { 1.0, 0.16, 1.0 }, { 0.0141, -0.2102, -0.0030, 0.1893 } },
  { { CUE_ECHO, CUE_STORY_LENGTH, CUE_LEAD_COHESION }, { 0.1, 0.561, 0.13 }, { -0.1427, 0.1081, 0.1377, -0.0443 } },
  { { CUE_NEWS_ITEM, CUE_TITLE_LENGTH, CUE_TITLE_LENGTH }, { 1.0, 0.1458, 0.3333 }, { -0.1970, 0.0172, 0.4458, -0.0900 } },
  { { CUE_LEAD_NAMES, CUE_COLUMNS, CUE_ECHO }, { 1.0, 1.0, 0.2857 }, { -0.0985, 0.0260, -0.0066, 0.3155 } },
  { { CUE_COLON, CUE_ECHO, CUE_ECHO }, { 1.0, 0.4444, 0.4444 }, { -0.0391, 0.0960, 0.2808, -0.0286 } },
  { { CUE_STORY_LENGTH, CUE_SPACED_HALVES, CUE_ECHO }, { 0.3143, 1.0, 0.1 }, { -0.1115, 0.0740, -0.0503, 0.1008 } },
  { { CUE_EXCLAIMS, CUE_HEADER, CUE_TITLE_LENGTH }, { 1.0, 1.0, 0.3333 }, { -0.0329, 0.1038, -0.0579, 0.3349 } },
  { { CUE_WIDE_GAP, CUE_NEW_PLACE, -1 }, { 1.0, 1.0, 0.0 }, { -0.0267, 0.1142, 0.2398, 0.2398 } },
  { { CUE_STORY_LENGTH, CUE_NEWS_ITEM, CUE_COHESION }, { 0.561, 1.0, 0.21 }, { -0.0676, 0.2040, 0.1599, -0.1931 } },
  { { CUE_COHESION, CUE_NOISE, CUE_CUT_ABOVE }, { 0.05, 0.1538, 1.0 }, { 0.1349, -0.2371, -0.0493, 0.1801 } },
  { { CUE_COLON, CUE_STORY_PLACE, CUE_ECHO }, { 1.0, 1.0, 0.4444 }, { 0.0034, -0.1747, 0.2610, -0.0259 } },
  { { CUE_LEAD_NAMES, CUE_COLUMNS, CUE_CUT_ABOVE }, { 1.0, 1.0, 1.0 }, { -0.0842, 0.0207, 0.2472, -0.1016 } },
  { { CUE_TITLE_LENGTH, CUE_EXCLAIMS, -1 }, { 0.75, 1.0, 0.0 }, { 0.0011, 0.2786, -0.2215, -0.2215 } },
  { { CUE_WIDE_GAP, CUE_STORY_LENGTH, -1 }, { 1.0, 0.561, 0.0 }, { -0.0365, 0.0547, 0.2113, 0.2113 } },
  { { CUE_ECHO, CUE_AT_EDGE, CUE_LEAD_OPENER }, { 0.3529, 1.0, 1.0 }, { 0.0011, -0.2203, -0.0164, 0.3588 } },
  { { CUE_TITLE_LENGTH, CUE_CUT_ABOVE, -1 }, { 0.75, 1.0, 0.0 }, { -0.0075, 0.1564, -0.2022, -0.2022 } },
  { { CUE_MARKED, CUE_TITLE_LENGTH, -1 }, { 1.0, 0.1458, 0.0 }, { -0.1156, 0.0134, 0.2572, 0.2572 } },
  { { CUE_LEAD_COHESION, CUE_STORY_LENGTH, CUE_NEWS_ITEM }, { 0.26, 0.561, 1.0 }, { -0.0265, 0.1108, -0.1637, 0.1503 } },
  { { CUE_COLUMNS, CUE_STORY_LENGTH, CUE_SPACED_HALVES }, { 1.0, 0.6253, 1.0 }, { 0.0453, -0.2146, -0.0064, 0.1335 } },
};
