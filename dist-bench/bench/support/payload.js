"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.benchPayload = benchPayload;
exports.jsonBytes = jsonBytes;
const node_crypto_1 = require("node:crypto");
const ARABIC_QUOTE = 'إن قوة (شراكتنا) تظهر الاتجاه الاستراتيجي الجيد الذي تم اتخاذه، والحاجة إلى استكماله وتسريعه';
function benchPayload() {
    return {
        type: 'DiplomaticEventRecorded',
        data: {
            title: 'Macron visits Kazakhstan on a strategic tour of Central Asia',
            titleAr: 'ماكرون يزور كازاخستان في جولة استراتيجية بآسيا الوسطى',
            quote: { text: ARABIC_QUOTE, lang: 'ar', speaker: 'Emmanuel Macron' },
            actors: ['FRA', 'KAZ'],
            place: 'Astana',
            occurredOn: '2023-11-01',
        },
        metadata: { correlationId: (0, node_crypto_1.randomUUID)(), causationId: (0, node_crypto_1.randomUUID)(), actor: 'importer:bench', source: 'bench' },
    };
}
function jsonBytes(value) {
    return Buffer.byteLength(JSON.stringify(value));
}
