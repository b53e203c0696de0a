"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.upcast = upcast;
function upcast(upcasters, type, schemaVersion, data) {
    let version = schemaVersion;
    let current = data;
    for (;;) {
        const step = upcasters.find((u) => u.type === type && u.fromSchemaVersion === version);
        if (!step)
            return { schemaVersion: version, data: current };
        current = step.upcast(current);
        version += 1;
    }
}
