/* sd-fuzz-options.c — sanitizer defaults for the fuzz binaries
 *
 * Copyright 2026 The Storydesk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UBSan only prints by default, and libFuzzer would fuzz on past undefined
 * behaviour.  Built recoverable but halting here, a known report can still
 * be silenced for a run with UBSAN_OPTIONS=suppressions=FILE.
 */
#include "config.h"

#include "sd-fuzz.h"

const char *__ubsan_default_options (void);

const char *
__ubsan_default_options (void)
{
  return "halt_on_error=1:print_stacktrace=1";
}
