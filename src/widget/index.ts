import { defineBlueprintFaq } from './element.js'

/** The bundle's entry: `api-base` defaults to the origin this script was served from. */
const script = document.currentScript
const origin = script instanceof HTMLScriptElement && script.src ? new URL(script.src).origin : location.origin
defineBlueprintFaq(origin)
