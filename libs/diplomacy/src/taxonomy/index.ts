export {
  allCameoCodes,
  findCameoCode,
  isCameoCode,
  isCameoRoot,
  type CameoCode,
  type PloverCategory,
  type QuadClass,
  type QuadClassLabel,
} from './cameo';
export { countryName, isCountryCode, type CountryNameLanguage } from './countries';
export { findProjectFile } from './project-file';
