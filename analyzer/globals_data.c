// Global names of the environments the lint rules know (AnOptions.env), as
// data: one string per environment, names separated by spaces, `:w` after
// a name that code may assign (a writable global; the others are
// read-only for no-global-assign). Written from ECMA-262 (the global
// object's properties, including those it inherits from Object.prototype),
// the WHATWG/W3C specifications of the Web platform (Window and worker
// global scopes and the interfaces they expose) and Node.js's
// documentation of its globals.
#include "lint_int.h"
#include "lint_globals.h"

// WebGPU and the CSS Typed OM: exposed to windows and workers.
#define WEBGPU_NAMES \
    "GPU GPUAdapter GPUAdapterInfo GPUBindGroup GPUBindGroupLayout GPUBuffer GPUBufferUsage " \
    "GPUCanvasContext GPUColorWrite GPUCommandBuffer GPUCommandEncoder GPUCompilationInfo " \
    "GPUCompilationMessage GPUComputePassEncoder GPUComputePipeline GPUDevice " \
    "GPUDeviceLostInfo GPUError GPUExternalTexture GPUInternalError GPUMapMode " \
    "GPUOutOfMemoryError GPUPipelineError GPUPipelineLayout GPUQuerySet GPUQueue " \
    "GPURenderBundle GPURenderBundleEncoder GPURenderPassEncoder GPURenderPipeline " \
    "GPUSampler GPUShaderModule GPUShaderStage GPUSupportedFeatures GPUSupportedLimits " \
    "GPUTexture GPUTextureUsage GPUTextureView GPUUncapturedErrorEvent GPUValidationError " \
    "CSS CSSImageValue CSSKeywordValue CSSMathClamp CSSMathInvert CSSMathMax CSSMathMin " \
    "CSSMathNegate CSSMathProduct CSSMathSum CSSMathValue CSSMatrixComponent CSSNumericArray " \
    "CSSNumericValue CSSPerspective CSSRotate CSSScale CSSSkew CSSSkewX CSSSkewY " \
    "CSSStyleValue CSSTransformComponent CSSTransformValue CSSTranslate CSSUnitValue " \
    "CSSUnparsedValue CSSVariableReferenceValue StylePropertyMapReadOnly "

// ECMA-262 2025: value and function properties of the global object,
// constructors, other objects, and Object.prototype's methods (the global
// object inherits them).
static const char es2025[] =
    "AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean "
    "DataView Date decodeURI decodeURIComponent encodeURI encodeURIComponent Error escape eval "
    "EvalError FinalizationRegistry Float16Array Float32Array Float64Array Function globalThis "
    "Infinity Int8Array Int16Array Int32Array Intl isFinite isNaN Iterator JSON Map Math NaN "
    "Number Object parseFloat parseInt Promise Proxy RangeError ReferenceError Reflect RegExp Set "
    "SharedArrayBuffer String Symbol SyntaxError TypeError Uint8Array Uint8ClampedArray "
    "Uint16Array Uint32Array undefined unescape URIError WeakMap WeakRef WeakSet "
    "constructor hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString toString "
    "valueOf";

// CommonJS module scope.
static const char commonjs[] = "exports:w global module require";

// Names shared by browsers and Node.js (timers, console, URL, encoding,
// fetch, streams, events, messaging, crypto, performance...).
static const char shared_node_browser[] =
    "AbortController AbortSignal atob Blob BroadcastChannel btoa ByteLengthQueuingStrategy "
    "clearInterval clearTimeout CompressionStream console CountQueuingStrategy crypto Crypto "
    "CryptoKey CustomEvent DecompressionStream DOMException Event EventTarget fetch File "
    "FormData Headers MessageChannel MessageEvent MessagePort performance Performance "
    "PerformanceEntry PerformanceMark PerformanceMeasure PerformanceObserver "
    "PerformanceObserverEntryList PerformanceResourceTiming queueMicrotask "
    "ReadableByteStreamController ReadableStream ReadableStreamBYOBReader "
    "ReadableStreamBYOBRequest ReadableStreamDefaultController ReadableStreamDefaultReader "
    "Request Response setInterval setTimeout structuredClone SubtleCrypto TextDecoder "
    "TextDecoderStream TextEncoder TextEncoderStream TransformStream "
    "TransformStreamDefaultController URL URLSearchParams WebAssembly WebSocket "
    "WritableStream WritableStreamDefaultController WritableStreamDefaultWriter "
    "Navigator navigator EventSource CloseEvent ErrorEvent Storage localStorage sessionStorage "
    "URLPattern";

// Node.js globals (besides shared_node_browser and the CommonJS names).
static const char node[] =
    "__dirname __filename Buffer clearImmediate global process setImmediate "
    "exports:w module require Iterator";

// Web workers (dedicated, shared and service workers): WorkerGlobalScope
// and what it exposes.
static const char worker[] =
    "self:w importScripts postMessage:w close:w onmessage:w onmessageerror:w onerror:w "
    "onlanguagechange:w onoffline:w ononline:w onrejectionhandled:w onunhandledrejection:w "
    "WorkerGlobalScope DedicatedWorkerGlobalScope SharedWorkerGlobalScope "
    "ServiceWorkerGlobalScope WorkerLocation WorkerNavigator location navigator name "
    "caches CacheStorage Cache clients Clients Client WindowClient registration "
    "skipWaiting FetchEvent ExtendableEvent ExtendableMessageEvent InstallEvent "
    "NotificationEvent PushEvent PushMessageData SyncEvent "
    "indexedDB IDBCursor IDBCursorWithValue IDBDatabase IDBFactory IDBIndex IDBKeyRange "
    "IDBObjectStore IDBOpenDBRequest IDBRequest IDBTransaction IDBVersionChangeEvent "
    "FileReader FileReaderSync FileList ImageData ImageBitmap createImageBitmap "
    "OffscreenCanvas OffscreenCanvasRenderingContext2D Path2D CanvasGradient CanvasPattern "
    "XMLHttpRequest XMLHttpRequestEventTarget XMLHttpRequestUpload ProgressEvent ErrorEvent "
    "PromiseRejectionEvent Notification Worker SharedWorker origin isSecureContext "
    "crossOriginIsolated reportError setTimeout setInterval clearTimeout clearInterval "
    "WebGLRenderingContext WebGL2RenderingContext WebGLBuffer WebGLFramebuffer WebGLProgram "
    "WebGLRenderbuffer WebGLShader WebGLTexture WebGLUniformLocation WebGLActiveInfo "
    "WebGLQuery WebGLSampler WebGLSync WebGLTransformFeedback WebGLVertexArrayObject "
    "WebGLShaderPrecisionFormat WebGLContextEvent FontFace FontFaceSet fonts "
    "Lock LockManager StorageManager NetworkInformation DOMMatrix DOMMatrixReadOnly "
    "DOMPoint DOMPointReadOnly DOMQuad DOMRect DOMRectReadOnly DOMStringList "
    "MediaCapabilities BarcodeDetector CloseEvent Report ReportingObserver "
    "SecurityPolicyViolationEvent VideoColorSpace VideoDecoder VideoEncoder VideoFrame "
    "AudioData AudioDecoder AudioEncoder EncodedAudioChunk EncodedVideoChunk ImageDecoder "
    "TrustedHTML TrustedScript TrustedScriptURL TrustedTypePolicy TrustedTypePolicyFactory "
    "trustedTypes addEventListener removeEventListener dispatchEvent requestAnimationFrame "
    "cancelAnimationFrame scheduler Scheduler TaskController TaskPriorityChangeEvent TaskSignal "
    WEBGPU_NAMES
    "FileSystemDirectoryHandle FileSystemFileHandle FileSystemHandle FileSystemSyncAccessHandle "
    "FileSystemWritableFileStream FontFaceSetLoadEvent ImageBitmapRenderingContext ImageTrack "
    "ImageTrackList MediaSource MediaSourceHandle SourceBuffer SourceBufferList "
    "NavigationPreloadManager NavigatorUAData Observable Subscriber PerformanceServerTiming "
    "PeriodicSyncManager SyncManager PermissionStatus Permissions PushManager PushSubscription "
    "PushSubscriptionOptions RTCDataChannel RTCEncodedAudioFrame RTCEncodedVideoFrame RTCError "
    "RTCErrorEvent RTCRtpScriptTransformer RTCTransformEvent onrtctransform ReportBody "
    "ServiceWorker ServiceWorkerContainer ServiceWorkerRegistration StorageBucket "
    "StorageBucketManager TextMetrics URLPattern UserActivation WebGLObject WGSLLanguageFeatures "
    "WebSocketError WebSocketStream WebTransport WebTransportBidirectionalStream "
    "WebTransportDatagramDuplexStream WebTransportError WebTransportReceiveStream "
    "WebTransportSendStream HID HIDConnectionEvent HIDDevice HIDInputReportEvent Serial "
    "SerialPort USB USBAlternateInterface USBConfiguration USBConnectionEvent USBDevice "
    "USBEndpoint USBInTransferResult USBInterface USBIsochronousInTransferPacket "
    "USBIsochronousInTransferResult USBIsochronousOutTransferPacket "
    "USBIsochronousOutTransferResult USBOutTransferResult IdleDetector PressureObserver "
    "PressureRecord QuotaExceededError PERSISTENT TEMPORARY CropTarget RestrictionTarget";

// Browsers: Window and the interfaces it exposes (DOM, HTML, CSSOM, UI
// events, media, storage, graphics, network...). Event handler attributes
// and a few others are writable.
static const char browser[] =
    // Window, its properties and methods.
    "window self:w document frames parent top opener:w length:w name:w status:w closed "
    "location:w history navigator screen visualViewport customElements localStorage "
    "sessionStorage indexedDB caches crypto performance console origin isSecureContext "
    "crossOriginIsolated devicePixelRatio innerHeight:w innerWidth:w outerHeight:w "
    "outerWidth:w pageXOffset pageYOffset screenX:w screenY:w screenLeft:w screenTop:w "
    "scrollX scrollY scrollbars:w toolbar:w menubar:w personalbar:w statusbar:w locationbar:w "
    "frameElement event external clientInformation speechSynthesis styleMedia "
    "trustedTypes scheduler launchQueue "
    "alert blur:w cancelAnimationFrame cancelIdleCallback captureEvents close:w confirm "
    "createImageBitmap fetch find focus:w getComputedStyle getSelection matchMedia moveBy "
    "moveTo open:w postMessage:w print prompt queueMicrotask releaseEvents reportError "
    "requestAnimationFrame requestIdleCallback resizeBy resizeTo scroll scrollBy scrollTo "
    "stop setTimeout setInterval clearTimeout clearInterval structuredClone atob btoa "
    "getScreenDetails showDirectoryPicker showOpenFilePicker showSaveFilePicker "
    // Event handlers.
    "onabort:w onafterprint:w onanimationend:w onanimationiteration:w onanimationstart:w "
    "onappinstalled:w onauxclick:w onbeforeinput:w onbeforeinstallprompt:w "
    "onbeforeprint:w onbeforetoggle:w onbeforeunload:w onblur:w oncancel:w oncanplay:w "
    "oncanplaythrough:w onchange:w onclick:w onclose:w oncontextlost:w oncontextmenu:w "
    "oncontextrestored:w oncopy:w oncuechange:w oncut:w ondblclick:w ondevicemotion:w "
    "ondeviceorientation:w ondeviceorientationabsolute:w ondrag:w ondragend:w "
    "ondragenter:w ondragleave:w ondragover:w ondragstart:w ondrop:w ondurationchange:w "
    "onemptied:w onended:w onerror:w onfocus:w onformdata:w ongotpointercapture:w "
    "onhashchange:w oninput:w oninvalid:w onkeydown:w onkeypress:w onkeyup:w "
    "onlanguagechange:w onload:w onloadeddata:w onloadedmetadata:w onloadstart:w "
    "onlostpointercapture:w onmessage:w onmessageerror:w onmousedown:w onmouseenter:w "
    "onmouseleave:w onmousemove:w onmouseout:w onmouseover:w onmouseup:w onmousewheel:w "
    "onoffline:w ononline:w onpagehide:w onpagereveal:w onpageshow:w onpageswap:w "
    "onpaste:w onpause:w onplay:w onplaying:w onpointercancel:w onpointerdown:w "
    "onpointerenter:w onpointerleave:w onpointermove:w onpointerout:w onpointerover:w "
    "onpointerrawupdate:w onpointerup:w onpopstate:w onprogress:w onratechange:w "
    "onrejectionhandled:w onreset:w onresize:w onscroll:w onscrollend:w "
    "onsearch:w onsecuritypolicyviolation:w onseeked:w onseeking:w onselect:w "
    "onselectionchange:w onselectstart:w onslotchange:w onstalled:w onstorage:w "
    "onsubmit:w onsuspend:w ontimeupdate:w ontoggle:w ontransitioncancel:w "
    "ontransitionend:w ontransitionrun:w ontransitionstart:w onunhandledrejection:w "
    "onunload:w onvolumechange:w onwaiting:w onwheel:w "
    // DOM core.
    "AbortController AbortSignal AbstractRange Attr CDATASection CharacterData Comment "
    "CustomEvent Document DocumentFragment DocumentType DOMException DOMImplementation "
    "DOMParser DOMTokenList DOMStringList DOMStringMap Element Event EventTarget "
    "HTMLCollection MutationObserver MutationRecord NamedNodeMap Node NodeFilter NodeIterator "
    "NodeList ProcessingInstruction Range ShadowRoot StaticRange Text TreeWalker XMLDocument "
    "XPathEvaluator XPathExpression XPathResult XMLSerializer XSLTProcessor Selection "
    // HTML elements.
    "HTMLElement HTMLAnchorElement HTMLAreaElement HTMLAudioElement HTMLBaseElement "
    "HTMLBodyElement HTMLBRElement HTMLButtonElement HTMLCanvasElement HTMLDataElement "
    "HTMLDataListElement HTMLDetailsElement HTMLDialogElement HTMLDirectoryElement "
    "HTMLDivElement HTMLDListElement HTMLDocument HTMLEmbedElement HTMLFieldSetElement "
    "HTMLFontElement HTMLFormControlsCollection HTMLFormElement HTMLFrameElement "
    "HTMLFrameSetElement HTMLHeadElement HTMLHeadingElement HTMLHRElement HTMLHtmlElement "
    "HTMLIFrameElement HTMLImageElement HTMLInputElement HTMLLabelElement HTMLLegendElement "
    "HTMLLIElement HTMLLinkElement HTMLMapElement HTMLMarqueeElement HTMLMediaElement "
    "HTMLMenuElement HTMLMetaElement HTMLMeterElement HTMLModElement HTMLObjectElement "
    "HTMLOListElement HTMLOptGroupElement HTMLOptionElement HTMLOptionsCollection "
    "HTMLOutputElement HTMLParagraphElement HTMLParamElement HTMLPictureElement "
    "HTMLPreElement HTMLProgressElement HTMLQuoteElement HTMLScriptElement "
    "HTMLSelectElement HTMLSlotElement HTMLSourceElement HTMLSpanElement HTMLStyleElement "
    "HTMLTableCaptionElement HTMLTableCellElement HTMLTableColElement HTMLTableElement "
    "HTMLTableRowElement HTMLTableSectionElement HTMLTemplateElement HTMLTextAreaElement "
    "HTMLTimeElement HTMLTitleElement HTMLTrackElement HTMLUListElement HTMLUnknownElement "
    "HTMLVideoElement HTMLAllCollection HTMLSearchElement HTMLSelectedContentElement "
    "Image Option Audio CustomElementRegistry ElementInternals ValidityState "
    "FormData FormDataEvent SubmitEvent RadioNodeList TimeRanges MediaError "
    "TextTrack TextTrackCue TextTrackCueList TextTrackList VTTCue VTTRegion AudioTrack "
    "AudioTrackList VideoTrack VideoTrackList DataTransfer DataTransferItem "
    "DataTransferItemList BarProp History Location Navigator Plugin PluginArray MimeType "
    "MimeTypeArray Screen ScreenOrientation Storage StorageEvent Window External "
    "VisualViewport UserActivation NavigationActivation Navigation NavigationCurrentEntryChangeEvent "
    "NavigationDestination NavigationHistoryEntry NavigationTransition NavigateEvent "
    "CloseWatcher ToggleEvent CommandEvent ContentVisibilityAutoStateChangeEvent "
    "PageRevealEvent PageSwapEvent "
    // SVG.
    "SVGElement SVGGraphicsElement SVGSVGElement SVGGElement SVGDefsElement SVGDescElement "
    "SVGTitleElement SVGSymbolElement SVGUseElement SVGImageElement SVGSwitchElement "
    "SVGStyleElement SVGPathElement SVGRectElement SVGCircleElement SVGEllipseElement "
    "SVGLineElement SVGPolylineElement SVGPolygonElement SVGTextContentElement "
    "SVGTextPositioningElement SVGTextElement SVGTSpanElement SVGTextPathElement "
    "SVGAElement SVGForeignObjectElement SVGMarkerElement SVGGradientElement "
    "SVGLinearGradientElement SVGRadialGradientElement SVGStopElement SVGPatternElement "
    "SVGClipPathElement SVGMaskElement SVGFilterElement SVGScriptElement SVGViewElement "
    "SVGMetadataElement SVGGeometryElement SVGAnimationElement SVGAnimateElement "
    "SVGAnimateMotionElement SVGAnimateTransformElement SVGSetElement SVGMPathElement "
    "SVGFEBlendElement SVGFEColorMatrixElement SVGFEComponentTransferElement "
    "SVGFECompositeElement SVGFEConvolveMatrixElement SVGFEDiffuseLightingElement "
    "SVGFEDisplacementMapElement SVGFEDistantLightElement SVGFEDropShadowElement "
    "SVGFEFloodElement SVGFEFuncAElement SVGFEFuncBElement SVGFEFuncGElement "
    "SVGFEFuncRElement SVGFEGaussianBlurElement SVGFEImageElement SVGFEMergeElement "
    "SVGFEMergeNodeElement SVGFEMorphologyElement SVGFEOffsetElement "
    "SVGFEPointLightElement SVGFESpecularLightingElement SVGFESpotLightElement "
    "SVGFETileElement SVGFETurbulenceElement SVGComponentTransferFunctionElement "
    "SVGAngle SVGAnimatedAngle SVGAnimatedBoolean SVGAnimatedEnumeration "
    "SVGAnimatedInteger SVGAnimatedLength SVGAnimatedLengthList SVGAnimatedNumber "
    "SVGAnimatedNumberList SVGAnimatedPreserveAspectRatio SVGAnimatedRect "
    "SVGAnimatedString SVGAnimatedTransformList SVGLength SVGLengthList SVGMatrix "
    "SVGNumber SVGNumberList SVGPoint SVGPointList SVGPreserveAspectRatio SVGRect "
    "SVGStringList SVGTransform SVGTransformList SVGUnitTypes "
    // CSSOM and layout.
    "CSS CSSAnimation CSSConditionRule CSSContainerRule CSSCounterStyleRule "
    "CSSFontFaceRule CSSFontFeatureValuesRule CSSFontPaletteValuesRule CSSGroupingRule "
    "CSSImageValue CSSImportRule CSSKeyframeRule CSSKeyframesRule CSSKeywordValue "
    "CSSLayerBlockRule CSSLayerStatementRule CSSMathClamp CSSMathInvert CSSMathMax "
    "CSSMathMin CSSMathNegate CSSMathProduct CSSMathSum CSSMathValue CSSMatrixComponent "
    "CSSMediaRule CSSNamespaceRule CSSNumericArray CSSNumericValue CSSPageRule "
    "CSSPerspective CSSPositionValue CSSPropertyRule CSSRotate CSSRule CSSRuleList CSSScale "
    "CSSScopeRule CSSSkew CSSSkewX CSSSkewY CSSStartingStyleRule CSSStyleDeclaration "
    "CSSStyleRule CSSStyleSheet CSSStyleValue CSSSupportsRule CSSTransformComponent "
    "CSSTransformValue CSSTransition CSSTranslate CSSUnitValue CSSUnparsedValue "
    "CSSVariableReferenceValue CSSNestedDeclarations StyleSheet StyleSheetList "
    "MediaList MediaQueryList MediaQueryListEvent StylePropertyMap "
    "StylePropertyMapReadOnly FontFace FontFaceSet FontFaceSetLoadEvent "
    "DOMMatrix DOMMatrixReadOnly DOMPoint DOMPointReadOnly DOMQuad DOMRect DOMRectList "
    "DOMRectReadOnly ResizeObserver ResizeObserverEntry ResizeObserverSize "
    "IntersectionObserver IntersectionObserverEntry Animation AnimationEffect "
    "AnimationEvent AnimationPlaybackEvent AnimationTimeline DocumentTimeline "
    "KeyframeEffect ScrollTimeline ViewTimeline TransitionEvent ViewTransition "
    "CaretPosition Highlight HighlightRegistry "
    // UI events.
    "UIEvent MouseEvent KeyboardEvent FocusEvent InputEvent WheelEvent PointerEvent "
    "TouchEvent Touch TouchList CompositionEvent DragEvent ClipboardEvent Clipboard "
    "ClipboardItem HashChangeEvent PopStateEvent PageTransitionEvent BeforeUnloadEvent "
    "ErrorEvent ProgressEvent PromiseRejectionEvent MessageEvent CloseEvent "
    "DeviceMotionEvent DeviceMotionEventAcceleration DeviceMotionEventRotationRate "
    "DeviceOrientationEvent GamepadEvent Gamepad GamepadButton GamepadHapticActuator "
    "SecurityPolicyViolationEvent TrackEvent "
    // Network, messaging, storage, files.
    "XMLHttpRequest XMLHttpRequestEventTarget XMLHttpRequestUpload Headers Request Response "
    "WebSocket EventSource BroadcastChannel MessageChannel MessagePort Worker SharedWorker "
    "ServiceWorker ServiceWorkerContainer ServiceWorkerRegistration Cache CacheStorage "
    "IDBCursor IDBCursorWithValue IDBDatabase IDBFactory IDBIndex IDBKeyRange IDBObjectStore "
    "IDBOpenDBRequest IDBRequest IDBTransaction IDBVersionChangeEvent Blob File FileList "
    "FileReader FileSystemDirectoryHandle FileSystemFileHandle FileSystemHandle "
    "FileSystemWritableFileStream StorageManager Lock LockManager URL URLSearchParams "
    "URLPattern TextDecoder TextEncoder TextDecoderStream TextEncoderStream "
    "CompressionStream DecompressionStream ReadableStream ReadableStreamDefaultReader "
    "ReadableStreamBYOBReader ReadableStreamBYOBRequest ReadableByteStreamController "
    "ReadableStreamDefaultController WritableStream WritableStreamDefaultWriter "
    "WritableStreamDefaultController TransformStream TransformStreamDefaultController "
    "ByteLengthQueuingStrategy CountQueuingStrategy Notification PushManager "
    "PushSubscription PushSubscriptionOptions Permissions PermissionStatus Geolocation "
    "GeolocationCoordinates GeolocationPosition GeolocationPositionError "
    "NetworkInformation Crypto CryptoKey SubtleCrypto CredentialsContainer Credential "
    "PasswordCredential FederatedCredential PublicKeyCredential "
    "AuthenticatorResponse AuthenticatorAttestationResponse AuthenticatorAssertionResponse "
    "WakeLock WakeLockSentinel ReportingObserver Report "
    // Performance.
    "Performance PerformanceEntry PerformanceMark PerformanceMeasure PerformanceNavigation "
    "PerformanceNavigationTiming PerformanceObserver PerformanceObserverEntryList "
    "PerformancePaintTiming PerformanceResourceTiming PerformanceServerTiming "
    "PerformanceTiming PerformanceEventTiming PerformanceLongTaskTiming "
    "LargestContentfulPaint LayoutShift LayoutShiftAttribution EventCounts "
    "IdleDeadline TaskAttributionTiming Scheduler TaskController TaskPriorityChangeEvent "
    "TaskSignal "
    // Graphics.
    "CanvasGradient CanvasPattern CanvasRenderingContext2D ImageBitmap "
    "ImageBitmapRenderingContext ImageData OffscreenCanvas OffscreenCanvasRenderingContext2D "
    "Path2D TextMetrics WebGLActiveInfo WebGLBuffer WebGLContextEvent WebGLFramebuffer "
    "WebGLProgram WebGLQuery WebGLRenderbuffer WebGLRenderingContext WebGL2RenderingContext "
    "WebGLSampler WebGLShader WebGLShaderPrecisionFormat WebGLSync WebGLTexture "
    "WebGLTransformFeedback WebGLUniformLocation WebGLVertexArrayObject "
    WEBGPU_NAMES
    // Media.
    "AudioContext BaseAudioContext OfflineAudioContext AudioBuffer AudioBufferSourceNode "
    "AudioDestinationNode AudioListener AudioNode AudioParam AudioParamMap "
    "AudioProcessingEvent AudioScheduledSourceNode AudioWorklet AudioWorkletNode "
    "AnalyserNode BiquadFilterNode ChannelMergerNode ChannelSplitterNode ConstantSourceNode "
    "ConvolverNode DelayNode DynamicsCompressorNode GainNode IIRFilterNode "
    "MediaElementAudioSourceNode MediaStreamAudioDestinationNode MediaStreamAudioSourceNode "
    "MediaStreamTrackAudioSourceNode OfflineAudioCompletionEvent OscillatorNode PannerNode "
    "PeriodicWave ScriptProcessorNode StereoPannerNode WaveShaperNode "
    "MediaStream MediaStreamTrack MediaStreamTrackEvent MediaStreamEvent MediaRecorder "
    "MediaDevices MediaDeviceInfo MediaSource SourceBuffer SourceBufferList "
    "MediaKeys MediaKeySession MediaKeyStatusMap MediaKeySystemAccess MediaKeyMessageEvent "
    "MediaEncryptedEvent MediaSession MediaMetadata MediaCapabilities BlobEvent "
    "RTCPeerConnection RTCSessionDescription RTCIceCandidate RTCDataChannel "
    "RTCDataChannelEvent RTCPeerConnectionIceEvent RTCTrackEvent RTCRtpSender "
    "RTCRtpReceiver RTCRtpTransceiver RTCStatsReport RTCDTMFSender RTCDTMFToneChangeEvent "
    "RTCCertificate RTCDtlsTransport RTCIceTransport RTCSctpTransport RTCError "
    "RTCErrorEvent RTCPeerConnectionIceErrorEvent "
    "SpeechSynthesis SpeechSynthesisUtterance SpeechSynthesisEvent "
    "SpeechSynthesisErrorEvent SpeechSynthesisVoice "
    "VideoColorSpace VideoDecoder VideoEncoder VideoFrame AudioData AudioDecoder "
    "AudioEncoder EncodedAudioChunk EncodedVideoChunk ImageDecoder ImageTrack "
    "ImageTrackList PictureInPictureWindow PictureInPictureEvent "
    // Misc.
    "TrustedHTML TrustedScript TrustedScriptURL TrustedTypePolicy TrustedTypePolicyFactory "
    "Worklet WebAssembly BarcodeDetector EyeDropper FontData "
    "Sanitizer PaymentRequest PaymentResponse PaymentAddress PaymentMethodChangeEvent "
    "PaymentRequestUpdateEvent IntersectionObserver MutationEvent "
    "XPathException BeforeInstallPromptEvent "
    // WebXR, MathML.
    "XRAnchor XRAnchorSet XRBoundedReferenceSpace XRCamera XRCPUDepthInformation "
    "XRDepthInformation XRFrame XRHand XRHitTestResult XRHitTestSource XRInputSource "
    "XRInputSourceArray XRInputSourceEvent XRInputSourcesChangeEvent XRJointPose XRJointSpace "
    "XRLayer XRLightEstimate XRLightProbe XRPose XRRay XRReferenceSpace XRReferenceSpaceEvent "
    "XRRenderState XRRigidTransform XRSession XRSessionEvent XRSpace XRSystem "
    "XRTransientInputHitTestResult XRTransientInputHitTestSource XRView XRViewerPose "
    "XRViewport XRWebGLBinding XRWebGLDepthInformation XRWebGLLayer MathMLElement "
    "XRCompositionLayer XRCubeLayer XRCylinderLayer XRDOMOverlayState XREquirectLayer "
    "XRLayerEvent XRPlane XRPlaneSet XRProjectionLayer XRQuadLayer XRSubImage XRWebGLSubImage "
    // Window's EventTarget methods and newer Window members.
    "addEventListener removeEventListener dispatchEvent navigation cookieStore "
    "documentPictureInPicture originAgentCluster queryLocalFonts credentialless "
    "onanimationcancel onbeforematch onbeforexrselect oncontentvisibilityautostatechange "
    "ongamepadconnected ongamepaddisconnected onscrollsnapchange onscrollsnapchanging "
    // Device and platform APIs.
    "Bluetooth BluetoothCharacteristicProperties BluetoothDevice "
    "BluetoothRemoteGATTCharacteristic BluetoothRemoteGATTDescriptor "
    "BluetoothRemoteGATTServer BluetoothRemoteGATTService BluetoothUUID USB "
    "USBAlternateInterface USBConfiguration USBConnectionEvent USBDevice USBEndpoint "
    "USBInTransferResult USBInterface USBIsochronousInTransferPacket "
    "USBIsochronousInTransferResult USBIsochronousOutTransferPacket "
    "USBIsochronousOutTransferResult USBOutTransferResult HID HIDConnectionEvent HIDDevice "
    "HIDInputReportEvent Serial SerialPort MIDIAccess MIDIConnectionEvent MIDIInput "
    "MIDIInputMap MIDIMessageEvent MIDIOutput MIDIOutputMap MIDIPort Sensor SensorErrorEvent "
    "Accelerometer Gyroscope GravitySensor LinearAccelerationSensor OrientationSensor "
    "AbsoluteOrientationSensor RelativeOrientationSensor BatteryManager Keyboard "
    "KeyboardLayoutMap IdleDetector ImageCapture Presentation PresentationAvailability "
    "PresentationConnection PresentationConnectionAvailableEvent "
    "PresentationConnectionCloseEvent PresentationConnectionList PresentationReceiver "
    "PresentationRequest RemotePlayback VideoPlaybackQuality VirtualKeyboard "
    "VirtualKeyboardGeometryChangeEvent WindowControlsOverlay "
    "WindowControlsOverlayGeometryChangeEvent ScreenDetailed ScreenDetails "
    "SpeechRecognition SpeechRecognitionAlternative SpeechRecognitionErrorEvent "
    "SpeechRecognitionEvent SpeechRecognitionResult SpeechRecognitionResultList "
    "SpeechGrammar SpeechGrammarList "
    // Network, storage, streams, misc.
    "WebTransport WebTransportBidirectionalStream WebTransportDatagramDuplexStream "
    "WebTransportError WebTransportReceiveStream WebTransportSendStream WebSocketStream "
    "WebSocketError CookieStore CookieStoreManager CookieChangeEvent NavigationPreloadManager "
    "NavigationPrecommitController BackgroundFetchManager BackgroundFetchRecord "
    "BackgroundFetchRegistration PeriodicSyncManager SyncManager PaymentManager StorageBucket "
    "StorageBucketManager FileSystem FileSystemDirectoryEntry FileSystemDirectoryReader "
    "FileSystemEntry FileSystemFileEntry FileSystemObserver Observable Subscriber "
    "CustomStateSet CaptureController CropTarget RestrictionTarget EditContext "
    "TextFormat TextFormatUpdateEvent TextUpdateEvent CharacterBoundsUpdateEvent "
    "DocumentPictureInPicture DocumentPictureInPictureEvent FragmentDirective "
    "InputDeviceCapabilities InputDeviceInfo MediaStreamTrackProcessor "
    "MediaStreamTrackGenerator MediaSourceHandle MediaRecorderErrorEvent "
    "BrowserCaptureMediaStreamTrack CanvasCaptureMediaStreamTrack OverconstrainedError "
    "RTCIceCandidatePair RTCEncodedAudioFrame RTCEncodedVideoFrame RTCRtpScriptTransform "
    "ReportBody CSPViolationReportBody PerformanceElementTiming "
    "PerformanceLongAnimationFrameTiming PerformanceScriptTiming VisibilityStateEntry "
    "PermissionsPolicy FeaturePolicy Profiler Scheduling NavigatorUAData "
    "NotRestoredReasonDetails NotRestoredReasons PressureObserver PressureRecord "
    "QuotaExceededError SnapEvent ViewTransitionTypeSet WebGLObject WGSLLanguageFeatures "
    "IdentityCredential IdentityProvider OTPCredential DigitalCredential NavigatorLogin "
    "LaunchParams LaunchQueue GamepadPose CSSPositionTryRule CSSPositionTryDescriptors "
    "CSSFontFaceDescriptors CSSPageDescriptors CSSMarginRule CSSViewTransitionRule "
    "CSSStyleProperties CSSPseudoElement DelegatedInkTrailPresenter Ink "
    "MediaCapabilitiesInfo TimeEvent TextEvent MediaKeyError DOMError "
    "PERSISTENT TEMPORARY";

static const AnEnvData envs[] = {
    {"builtin", es2025}, {"es5", es2025}, {"es6", es2025}, {"es2015", es2025},
    {"es2016", es2025}, {"es2017", es2025}, {"es2018", es2025}, {"es2019", es2025},
    {"es2020", es2025}, {"es2021", es2025}, {"es2022", es2025}, {"es2023", es2025},
    {"es2024", es2025}, {"es2025", es2025},
    {"browser", browser}, {"node", node}, {"worker", worker}, {"commonjs", commonjs},
    {"shared-node-browser", shared_node_browser},
};

const AnEnvData *an_env_data(const char *name, uint32_t len) {
    for (size_t i = 0; i < sizeof envs / sizeof envs[0]; i++)
        if (strlen(envs[i].name) == len && memcmp(envs[i].name, name, len) == 0) return &envs[i];
    return NULL;
}

// Environments that imply others (node: the shared and CommonJS names;
// browser and worker: the shared names).
const char *an_env_shared(const char *name, uint32_t len) {
    if (len == 4 && memcmp(name, "node", 4) == 0) return shared_node_browser;
    if ((len == 7 && memcmp(name, "browser", 7) == 0) || (len == 6 && memcmp(name, "worker", 6) == 0))
        return shared_node_browser;
    return NULL;
}

const char *an_env_builtin(void) { return es2025; }
