#!/usr/bin/env node
// The installed command: a committed launcher, so package managers can link it
// before the first build; the program itself is the built dist/bin.js.
import "../dist/bin.js";
