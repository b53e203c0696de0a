"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = void 0;
const _1700000000000_create_event_log_1 = require("./1700000000000-create-event-log");
const _1700000001000_create_read_models_1 = require("./1700000001000-create-read-models");
exports.MIGRATIONS = [_1700000000000_create_event_log_1.CreateEventLog1700000000000, _1700000001000_create_read_models_1.CreateReadModels1700000001000];
